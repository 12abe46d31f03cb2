import Testing

@testable import HandbookKit

/// The section tree is put together from levels cut at a slot; the cut is a byte search.
@Suite struct SectionTreeHTMLTests {
    @Test func aLevelIsCutAtItsSlot() {
        let slot = SectionTreeHTML.slot
        let parts = SectionTreeHTML.cut("<ul><li>Café \u{1}x<a>\n" + slot + "</li></ul>\n")
        #expect(parts.head == "<ul><li>Café \u{1}x<a>\n")
        #expect(parts.tail == "</li></ul>\n")
        let closed = SectionTreeHTML.cut("<ul><li>a</li></ul>\u{1}section-tree")
        #expect(closed.head == "<ul><li>a</li></ul>\u{1}section-tree")
        #expect(closed.tail == nil)
    }

    @Test func levelsNestHeadsDownAndTailsBackUp() {
        let levels = [
            SectionTreeHTML.Parts(head: "A[", tail: "]A"), SectionTreeHTML.Parts(head: "B[", tail: "]B"),
            SectionTreeHTML.Parts(head: "C", tail: nil),
        ]
        #expect(SectionTreeHTML.join(levels) == "A[B[C]B]A")
    }
}
