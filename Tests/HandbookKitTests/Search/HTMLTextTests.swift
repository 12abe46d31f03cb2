import Testing

@testable import HandbookKit

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Built with <a href=\"x\">FastAPI</a> and <code>asyncio</code>.</p>\n<p>Next</p>", "Built with FastAPI and asyncio. Next"),
        ("<h2 id=\"a\">What it is<a class=\"anchor\" href=\"#a\" aria-label=\"x\">#</a></h2>\n<p>Text</p>", "What it is Text"),
        ("<p>R&amp;D &lt;tag&gt; &quot;q&quot; &#39;s&#39; &#x41;&#66;</p>", "R&D <tag> \"q\" 's' AB"),
        ("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", "one two"),
        ("AT&T rocks", "AT&T rocks"),
        ("<p>a &amp</p>", "a &amp"),  // an entity cut short by a tag
        ("a &amp", "a &amp"),  // ... or by the end
        ("x &abcdefghijk; y", "x &abcdefghijk; y"),  // too long for a name
        ("&nbsp;lead &; &bogus; &#xZZ;", "lead &; &bogus; &#xZZ;"),
        ("caf&#233; &#x1F600;", "café 😀"),
        ("<h3>A<a class=\"anchor\" href=\"#a\">#</a></h3><p>B</p>", "AB"),
        ("  \n\t ", ""),
        // Tags are skipped in one search each: a tag or a self-link the fragment ends in leaves nothing behind.
        ("a <b", "a"),
        ("x<a class=\"anchor\" href=\"#x\">#", "x"),
        ("<br>", ""),
        ("<i>é</i><b>ü</b>", "éü"),
    ])
    func visibleText(_ html: String, _ text: String) {
        #expect(HTML.text(html) == text)
    }

    @Test func escapesEverythingThatCouldOpenMarkup() {
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("plain text, no markup") == "plain text, no markup")
        // A quote followed by a combining mark is still a quote to the browser: escaped by byte, not by Character.
        #expect(HTML.escape("Café \"\u{301} <b>𝔘</b>") == "Café &quot;\u{301} &lt;b&gt;𝔘&lt;/b&gt;")
        for byte in UInt8(0)..<128 where !"&<>\"'".utf8.contains(byte) {
            let text = String(decoding: [byte, 0x41], as: UTF8.self)
            #expect(HTML.escape(text) == text)
        }
    }
}
