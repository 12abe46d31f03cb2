import FuzzSupport

@testable import HandbookKit

/// The Markdown stage with glossary linking and wiki links, on any page body, against a small fixed site.
/// Beyond not crashing: nothing executable reaches the HTML, heading ids are unique, and every diagnostic
/// points inside the page's file.
// Also under libFuzzer's own name: its main is linked in (SwiftPM's main, main.swift, runs instead).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = FuzzCheck.text(data, size)
    let path = "content/articles/page.md"
    let header = "---\ntitle: Page\nsummary: A page.\n---\n"
    let page = Document(
        id: ItemID(.article, "page"), path: path, title: Located("Page", at: SourceLocation(path: path, line: 2, column: 8)),
        summary: "A page.", body: body, bodyFirstLine: 5)
    let rendered = CommonMark.render(page, site: FuzzSite.shared)
    FuzzCheck.locations(rendered.diagnostics, in: SourceFile(path: path, text: header + body))
    let html = rendered.html.lowercased()
    precondition(!html.contains("<script"), "a script element in the page")
    for attribute in ["href=\"", "src=\""] {
        var rest = html[...]
        while let found = rest.range(of: attribute) {
            rest = rest[found.upperBound...]
            let value = rest.prefix { $0 != "\"" }.filter { !$0.isWhitespace && !$0.isASCIIControl }
            precondition(!value.hasPrefix("javascript:") && !value.hasPrefix("vbscript:"), "an unsafe URL: \(value)")
        }
    }
    let ids = rendered.headings.map(\.id)
    precondition(Set(ids).count == ids.count, "duplicate heading ids: \(ids)")
    // The search stage reads the same HTML.
    _ = SearchTokenizer.tokens(HTML.text(rendered.html))
    return 0
}

extension Character {
    fileprivate var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 } ?? false }
}

/// Terms that exercise the matcher (longest match, case, punctuation, aliases, no_autolink), a name shared
/// by a term and a company (ambiguous mentions), and pages for wiki links and `.md` links.
enum FuzzSite {
    static let shared: MarkdownSite = {
        let here = SourceLocation(path: "content/terms/x.md", line: 2, column: 8)
        func document(_ kind: Kind, _ slug: String, _ title: String) -> Document {
            Document(
                id: ItemID(kind, slug), path: "content/\(kind.folder)/\(slug).md", title: Located(title, at: here),
                summary: "\(title) <b>\"defined\"</b> & more.", body: "", bodyFirstLine: 5)
        }
        let terms: [(String, String, [String], Bool, Bool)] = [
            ("python", "Python", ["Python 3", "py"], false, false),
            ("python-2", "Python 2", [], false, false),
            ("apache-spark", "Apache Spark", ["Spark", "PySpark"], false, false),
            ("cpp", "C++", [], false, false),
            ("csharp", "C#", [], false, false),
            ("nodejs", "Node.js", ["nodejs"], false, false),
            ("dotnet", ".NET", [], false, false),
            ("rest", "REST", ["REST API"], true, false),
            ("wandb", "Weights & Biases", ["W&B"], false, false),
            ("ci-cd", "CI/CD", [], false, false),
            ("hidden", "Hidden", [], false, true),
            ("django", "Django", ["DRF"], false, false),
            ("unicode", "Ünïcødé", ["ß", "İstanbul"], false, false),
        ]
        let content = ContentSet(
            site: SiteConfig(title: "Fuzz", tagline: "", description: "", language: "en", baseURL: nil, unsafeHTML: false),
            articles: [
                Article(document: document(.article, "page", "Page"), order: nil, tags: [], draft: false),
                Article(document: document(.article, "intro", "Introduction"), order: nil, tags: [], draft: false),
            ],
            terms: terms.map { slug, title, aliases, matchCase, noAutolink in
                Term(
                    document: document(.term, slug, title), category: .tool, aliases: aliases.map { Located($0, at: here) },
                    related: [], matchCase: matchCase, noAutolink: noAutolink)
            },
            archetypes: [],
            companies: [
                Company(document: document(.company, "django-co", "Django"), industry: "x", scale: nil, archetypes: [], systems: [])
            ])
        return MarkdownSite(content: content, names: NameIndex(content))
    }()
}
