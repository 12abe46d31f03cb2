import Foundation
import Testing

@testable import HandbookKit

/// Inputs an adversary would try, each ending in a clear result: one diagnostic at its file, line and column,
/// or a correct page. (A FIFO and a symlink loop are in `ContentEntriesTests`; times and memory of all of them
/// are measured by `Benchmarks/pathological.py`, not here.)
@Suite struct PathologicalInputTests {
    static let term = file("title: Django\nsummary: A web framework.\ncategory: framework")

    /// Builds a site of `files` plus a Django term; returns the diagnostics as printed and the site.
    private func build(_ files: [String: [UInt8]]) throws -> (diagnostics: [String], site: TestSite) {
        let site = try TestSite(["terms/django.md": Self.term])
        for (path, bytes) in files { try site.writeBytes(path, bytes) }
        let report = try site.build()
        return (report.diagnostics.map(\.formatted).filter { !$0.hasSuffix("[unused-term]") }, site)
    }

    private func page(_ body: String) -> [UInt8] {
        Array(file("title: Deep\nsummary: A hard page.", body).utf8)
    }

    /// The article body as rendered: between the page's <main> and the end of its first text block.
    private func article(_ site: TestSite) throws -> String {
        mainElement(try site.read("articles/deep.html"))
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func invalidUTF8WithNULBytesIsAnErrorAtTheFirstBadByte() throws {
        let bytes = Array("---\ntitle: A\nsummary: S.\n---\nA NUL \0 is valid; ".utf8) + [0xFF, 0xFE, 0] + Array(" is not.\n".utf8)
        let (diagnostics, site) = try build(["articles/bad.md": bytes])
        defer { site.remove() }
        #expect(diagnostics == ["content/articles/bad.md:5:19: error: the file is not valid UTF-8; save it as UTF-8 [invalid-utf8]"])
    }

    @Test func aNULByteInValidUTF8IsReplacedNotATruncation() throws {
        let (diagnostics, site) = try build(["articles/deep.md": page("Before\0after, with Django.\n")])
        defer { site.remove() }
        #expect(diagnostics == [])
        #expect(try article(site).contains("<p>Before\u{FFFD}after, with <a class=\"term-link\""))
    }

    @Test func aNULByteInFrontMatterIsAYAMLErrorAtItsPlace() throws {
        let (diagnostics, site) = try build(["articles/nul.md": Array("---\ntitle: A\0B\nsummary: S.\n---\nText.\n".utf8)])
        defer { site.remove() }
        #expect(
            diagnostics == ["content/articles/nul.md:2:9: error: invalid YAML: control characters are not allowed (U+0000) [yaml-syntax]"])
    }

    @Test(arguments: ["", "\n\n  \n", "\u{FEFF}"])
    func anEmptyFileIsAnError(_ text: String) throws {
        let (diagnostics, site) = try build(["terms/empty.md": Array(text.utf8)])
        defer { site.remove() }
        #expect(
            diagnostics == [
                "content/terms/empty.md:1:1: error: the file is empty; expected '---', front matter, '---', then Markdown [empty-file]"
            ])
        // A page needs no front matter: an empty one is published under its file's name.
        let (pageDiagnostics, pageSite) = try build(["articles/empty.md": Array(text.utf8)])
        defer { pageSite.remove() }
        #expect(pageDiagnostics.isEmpty)
        #expect(try pageSite.read("articles/empty.html").contains("<h1>Empty</h1>"))
    }

    @Test func aBOMWithCRLFLineEndsReadsLikeAnyFile() throws {
        let text = "\u{FEFF}---\r\ntitle: Deep\r\nsummary: A hard page.\r\n---\r\nWe use Django.\r\n\r\nSee [[Nothing]].\r\n"
        let (diagnostics, site) = try build(["articles/deep.md": Array(text.utf8)])
        defer { site.remove() }
        #expect(
            diagnostics == [
                "content/articles/deep.md:7:5: error: '[[Nothing]]' links to nothing: no page has the slug, title or alias 'Nothing' [unknown-link-target]"
            ])
        try site.write("articles/deep.md", text.replacingOccurrences(of: "See [[Nothing]].", with: "See [[Django]]."))
        #expect(try site.build().failed == false)
        let html = try site.read("articles/deep.html")
        #expect(html.contains("<title>Deep"))
        #expect(try article(site).contains("<p>We use <a class=\"term-link\" href=\"../terms/django.html\""))
        #expect(!html.contains("\r"))
    }

    @Test func aYAMLAliasBombIsAnErrorNotAnExplosion() throws {
        var yaml = "title: Deep\nsummary: A hard page.\ntags:\n  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "  - &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let (diagnostics, site) = try build(["articles/deep.md": Array(file(yaml).utf8)])
        defer { site.remove() }
        #expect(diagnostics.count == 9)
        #expect(diagnostics.first == "content/articles/deep.md:5:5: error: 'tags' must be text, not a list [wrong-type]")
    }

    @Test func slugsThatDifferOnlyInCaseAreAnError() throws {
        let (diagnostics, site) = try build(["terms/Django.md": Array(Self.term.utf8)])
        defer { site.remove() }
        #expect(
            diagnostics == [
                "content/terms/Django.md:1:1: error: file name 'Django' is not a valid slug (lowercase letters, digits and "
                    + "single hyphens); 'django.md' already exists: merge the two files or choose another name [bad-slug]"
            ])
    }

    @Test func fiftyThousandNestedQuotesMakeACorrectPage() throws {
        let (diagnostics, site) = try build(["articles/deep.md": page(String(repeating: ">", count: 50_000) + " Django, deep down.\n")])
        defer { site.remove() }
        #expect(diagnostics == [])
        let html = try article(site)
        #expect(count("<blockquote>", in: html) == 50_000)
        #expect(count("</blockquote>", in: html) == 50_000)
        #expect(html.contains("<p><a class=\"term-link\" href=\"../terms/django.html\""))
    }

    @Test func aListThreeThousandDeepMakesACorrectPage() throws {
        let (diagnostics, site) = try build(["articles/deep.md": page(String(repeating: "- ", count: 3_000) + "Django at the bottom\n")])
        defer { site.remove() }
        #expect(diagnostics == [])
        // The body only: the page starts with the section tree and may end with a related-reading list.
        let page = try article(site)
        let body = try #require(page.range(of: "<div class=\"body\">"))
        let html = page[body.upperBound...].components(separatedBy: "<section class=\"related-reading\"")[0]
        #expect(count("<ul>", in: html) == 3_000)
        #expect(count("</li>", in: html) == 3_000)
        #expect(html.contains(">Django</a> at the bottom"))
    }

    @Test func aHundredThousandEmphasisOpenersAndBracketsStayText() throws {
        let stars = String(repeating: "*", count: 100_000)
        let brackets = String(repeating: "[", count: 100_000)
        let (diagnostics, site) = try build(["articles/deep.md": page("\(stars) \(brackets) Django ]] \(brackets)\n")])
        defer { site.remove() }
        #expect(diagnostics == [])
        // The innermost "[[ Django ]]" is a wiki link; every other character stays text.
        let link = "<a class=\"term-link\" href=\"../terms/django.html\" data-tip=\"A web framework.\" aria-describedby=\"tip-django\">"
        #expect(try article(site).contains("<p>\(stars) \(brackets.dropLast(2))\(link)Django</a> \(brackets)</p>"))
    }

    @Test func aTableFiveThousandColumnsWideMakesACorrectPage() throws {
        let columns = 5_000
        let table =
            "|" + String(repeating: " h |", count: columns) + "\n|" + String(repeating: "---|", count: columns) + "\n|"
            + String(repeating: " Django |", count: columns) + "\n"
        let (diagnostics, site) = try build(["articles/deep.md": page(table)])
        defer { site.remove() }
        #expect(diagnostics == [])
        let html = try article(site)
        #expect(count("<th>", in: html) == columns)
        #expect(count("<td>", in: html) == columns)
        #expect(count("class=\"term-link\"", in: html) == 1)
    }

    @Test func aFiveMegabyteLineMakesACorrectPage() throws {
        let line = String(repeating: "word ", count: 1_000_000) + "Django."
        let (diagnostics, site) = try build(["articles/deep.md": page(line + "\n")])
        defer { site.remove() }
        #expect(diagnostics == [])
        #expect(try article(site).contains("word word <a class=\"term-link\" href=\"../terms/django.html\""))
        #expect(try site.read("search-index.json").contains("\"title\":\"Deep\""))
    }
}
