import Testing

@testable import HandbookKit

@Suite struct FrontMatterTests {
    private func split(_ text: String) -> Result<FrontMatter, Diagnostic> {
        FrontMatter.split(SourceFile(path: "a.md", text: text))
    }

    @Test func splitsByLinesAndKnowsWhereTheBodyStarts() throws {
        let parts = try split("---\ntitle: A\nsummary: B\n---\n# Body\n\ntext --- not a fence\n").get()
        #expect(parts.yaml == "title: A\nsummary: B")
        #expect(parts.yamlFirstLine == 2)
        #expect(parts.body == "# Body\n\ntext --- not a fence\n")
        #expect(parts.bodyFirstLine == 5)
    }

    @Test func acceptsWindowsLineEndingsAndAByteOrderMark() throws {
        let parts = try split("\u{FEFF}---\r\ntitle: A\r\n---\r\nBody\r\n").get()
        #expect(parts.yaml == "title: A\r")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test func aHorizontalRuleInTheBodyIsNotAFence() throws {
        let parts = try split("---\ntitle: A\n---\nOne\n\n---\n\nTwo\n").get()
        #expect(parts.body == "One\n\n---\n\nTwo\n")
    }

    @Test(arguments: [
        ("", "a.md:1:1: error: the file is empty; expected '---', front matter, '---', then Markdown [empty-file]"),
        ("  \n\n", "a.md:1:1: error: the file is empty; expected '---', front matter, '---', then Markdown [empty-file]"),
        ("title: A\n", "a.md:1:1: error: expected '---' on the first line to open the front matter [front-matter]"),
        (
            "---\ntitle: A\nBody\n",
            "a.md:1:1: error: the front matter opened here is never closed; add a '---' line after it [front-matter]"
        ),
    ])
    func reportsBrokenFences(text: String, expected: String) {
        guard case .failure(let diagnostic) = split(text) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.formatted == expected)
    }
}
