import Testing

@testable import HandbookKit

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Built with <a href=\"x\">FastAPI</a> and <code>asyncio</code>.</p>\n<p>Next</p>", "Built with FastAPI and asyncio. Next"),
        ("<h2 id=\"a\">What it is<a class=\"anchor\" href=\"#a\" aria-label=\"x\">#</a></h2>\n<p>Text</p>", "What it is Text"),
        ("<p>R&amp;D &lt;tag&gt; &quot;q&quot; &#39;s&#39; &#x41;&#66;</p>", "R&D <tag> \"q\" 's' AB"),
        ("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", "one two"),
        ("AT&T rocks", "AT&T rocks"),
    ])
    func visibleText(_ html: String, _ text: String) {
        #expect(HTML.text(html) == text)
    }

    @Test func escapesEverythingThatCouldOpenMarkup() {
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}
