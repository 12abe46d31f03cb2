import Testing

@testable import HandbookKit

/// Links to a fragment that names nothing go to the page itself, or to the id written in another case.
@Suite struct FragmentRepairTests {
    @Test func brokenFragmentsAreRepairedAndOthersKept() {
        let page = ItemID(.article, "people/intro")
        let other = ItemID(.article, "process/steps")
        let html = """
            <a href="#nope">a</a> <a href="../people/intro.html#nope">b</a> <a href="../process/steps.html#FAQ">c</a> \
            <a href="../process/steps.html#gone">d</a> <a href="../process/steps.html#kept">e</a> <a href="#kept">f</a> \
            <a href="../process/steps.html#a%20b&amp;c">g</a>
            """
        let repairs = [
            FragmentRepair(target: page, fragment: "nope", replacement: nil),
            FragmentRepair(target: other, fragment: "FAQ", replacement: "faq"),
            FragmentRepair(target: other, fragment: "gone", replacement: nil),
            FragmentRepair(target: other, fragment: "a b&c", replacement: nil),
        ]
        #expect(
            FragmentRepair.apply(repairs, to: html, of: page) == """
                <a href="#">a</a> <a href="../people/intro.html">b</a> <a href="../process/steps.html#faq">c</a> \
                <a href="../process/steps.html">d</a> <a href="../process/steps.html#kept">e</a> <a href="#kept">f</a> \
                <a href="../process/steps.html">g</a>
                """)
        #expect(FragmentRepair.apply([], to: html, of: page) == html)
    }
}
