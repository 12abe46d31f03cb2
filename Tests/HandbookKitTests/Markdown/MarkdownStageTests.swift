import Testing

@testable import HandbookKit

@Suite struct MarkdownStageTests {
    static let harness = MarkdownHarness(
        terms: [.init(slug: "django", title: "Django")],
        articles: [(slug: "guide", title: "The Guide"), (slug: "page", title: "Page")])

    @Test func headingsGetUniqueStableIDsAndATableOfContents() {
        let body = Self.harness.render("# Title\n\n## What it is\n\n### Details\n\n## What it is\n\n#### Deep\n\n## Search results\n")
        #expect(
            body.headings == [
                .init(level: 2, text: "What it is", id: "what-it-is"),
                .init(level: 3, text: "Details", id: "details"),
                .init(level: 2, text: "What it is", id: "what-it-is-1"),
                .init(level: 2, text: "Search results", id: "search-results-1"),
            ])
        #expect(
            body.html.hasPrefix(
                "<h1 id=\"title\">Title<a class=\"anchor\" href=\"#title\" aria-label=\"Link to this section: Title\">#</a></h1>\n"))
    }

    @Test func tablesScrollInTheirOwnBox() {
        let html = Self.harness.html("Before\n\n| Role | Pay |\n|---|---|\n| Data | More |\n\nAfter\n")
        #expect(
            html == """
                <p>Before</p>
                <div class="table-wrap">
                <table>
                <thead>
                <tr>
                <th>Role</th>
                <th>Pay</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>Data</td>
                <td>More</td>
                </tr>
                </tbody>
                </table>
                </div>
                <p>After</p>

                """)
    }

    @Test(arguments: [
        ("What's new in 3.12?", "whats-new-in-312"), ("C++ & C#", "c--c"), ("  ", "section"), ("Résumé tips", "résumé-tips"),
    ])
    func headingIDs(_ text: String, _ id: String) {
        var ids = HeadingIDs(reserved: [])
        #expect(ids.make(for: text) == id)
    }

    /// The ASCII fast path gives what the general rule gives, for every ASCII character in every position.
    @Test func headingIDsOfASCIITextFollowTheGeneralRule() {
        let characters = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var texts = characters.flatMap { [$0, "A\($0)b", " \($0) 9\($0)", "\($0)\($0)x-y_z\($0)"] }
        texts += ["", " ", "\t\n", "--", "__", "What's new in 3.12?", "  Django ORM  ", "C++ & C#", "\u{0B}x\u{0C}", "A\tB"]
        for text in texts {
            #expect(HeadingIDs.asciiBase(for: text) == HeadingIDs.unicodeBase(for: text), "\(text.debugDescription)")
        }
        #expect(HeadingIDs.asciiBase(for: "Résumé") == nil)
    }

    @Test func headingWithInlineMarkupKeepsItAndLinksInside() {
        let html = Self.harness.html("## Using `pip` with [[guide]]\n")
        #expect(
            html == "<h2 id=\"using-pip-with-the-guide\">Using <code>pip</code> with <a href=\"../articles/guide.html\">The Guide</a>"
                + "<a class=\"anchor\" href=\"#using-pip-with-the-guide\" aria-label=\"Link to this section: Using pip with The Guide\">#</a></h2>\n"
        )
    }

    @Test(arguments: [
        ("[x](../terms/django.md)", "<p><a href=\"../terms/django.html\">x</a></p>\n"),
        ("[x](guide.md#setup)", "<p><a href=\"../articles/guide.html#setup\">x</a></p>\n"),
        ("[x](./guide.md)", "<p><a href=\"../articles/guide.html\">x</a></p>\n"),
        ("[x](https://example.com/a.md)", "<p><a href=\"https://example.com/a.md\">x</a></p>\n"),
        ("[x](#local)", "<p><a href=\"#local\">x</a></p>\n"),
    ])
    func markdownLinksBecomePageLinks(_ markdown: String, _ expected: String) {
        #expect(Self.harness.html(markdown) == expected)
    }

    @Test(arguments: [
        ("[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n"),
        ("[x](JaVaScRiPt:alert(1))", "<p><a href=\"\">x</a></p>\n"),
        ("[x](vbscript:msgbox)", "<p><a href=\"\">x</a></p>\n"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p><a href=\"\">x</a></p>\n"),
        ("![x](data:image/png;base64,AAAA)", "<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\" /></p>\n"),
        ("<script>alert(1)</script>", "<!-- raw HTML omitted -->\n"),
        ("a <img src=x onerror=alert(1)> b", "<p>a <!-- raw HTML omitted --> b</p>\n"),
    ])
    func authorHTMLAndDangerousURLsNeverRun(_ markdown: String, _ expected: String) {
        #expect(Self.harness.html(markdown) == expected)
    }

    @Test func wikiLinksReachEveryKindByTitleSlugOrAlias() {
        let html = Self.harness.html("[[The Guide]], [[guide|read this]], [[django]] and [[ the guide ]].")
        #expect(
            html == "<p><a href=\"../articles/guide.html\">The Guide</a>, <a href=\"../articles/guide.html\">read this</a>, "
                + MarkdownHarness.termLink("django", "Django", title: "Django")
                + " and <a href=\"../articles/guide.html\">The Guide</a>.</p>\n")
    }

    @Test func wikiLinksInsideCodeStayLiteral() {
        #expect(Self.harness.html("`[[guide]]`") == "<p><code>[[guide]]</code></p>\n")
    }

    @Test func extensionsAreOn() {
        let html = Self.harness.html("~~old~~ www.example.com\n\n- [x] done\n\nNote[^1].\n\n[^1]: The note.\n")
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
        #expect(html.contains("<section class=\"footnotes\""))
    }

    @Test func unsafeHTMLPassesOnlyWhenTheSiteAllowsIt() throws {
        let site = try TestSite(
            ["articles/a.md": file("title: A\nsummary: S.", "<kbd>Ctrl</kbd> and [x](javascript:alert(1))\n")],
            site: "title: T\nunsafe_html: true\n")
        defer { site.remove() }
        _ = try site.build()
        let html = try site.read("articles/a.html")
        #expect(html.contains("<p><kbd>Ctrl</kbd> and <a href=\"\">x</a></p>"))
    }

    @Test func linksWithFragmentsAreLocatedInScalarsAndInOrder() {
        let body = Self.harness.render(
            "Çà → [a](guide.md#x) and [b](guide.md#x).\n\n* [c](<guide.md#x>)\n")
        #expect(body.references.map { [$0.location.line, $0.location.column] } == [[5, 10], [5, 30], [7, 8]])
    }
}
