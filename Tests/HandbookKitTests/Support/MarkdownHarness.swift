@testable import HandbookKit

/// Renders Markdown bodies against a small in-memory site: the Markdown stage without the disk.
struct MarkdownHarness {
    struct TermSpec {
        var slug: String
        var title: String
        var aliases: [String] = []
        var matchCase = false
        var noAutolink = false
    }

    let site: MarkdownSite
    let content: ContentSet

    init(terms: [TermSpec], articles: [(slug: String, title: String)] = [], companies: [(slug: String, title: String)] = []) {
        func document(_ kind: Kind, _ slug: String, _ title: String, summary: String) -> Document {
            var document = Document(
                id: Self.id(kind, slug), path: "content/\(kind.folder)/\(slug).md",
                title: Located(title, at: SourceLocation(path: "content/\(kind.folder)/\(slug).md", line: 2, column: 8)),
                summary: summary, body: "", bodyFirstLine: 5)
            document.source = "\(kind.folder)/\(slug).md"
            return document
        }
        let here = SourceLocation(path: "x")
        content = ContentSet(
            site: SiteConfig(title: "T", tagline: "", description: "", language: "en", baseURL: nil, unsafeHTML: false),
            articles: articles.map {
                Article(document: document(.article, $0.slug, $0.title, summary: "An article."), order: nil, tags: [], draft: false)
            },
            terms: terms.map { spec in
                Term(
                    document: document(.term, spec.slug, spec.title, summary: "\(spec.title) defined."), category: .tool,
                    aliases: spec.aliases.map { Located($0, at: here) }, related: [], matchCase: spec.matchCase,
                    noAutolink: spec.noAutolink)
            },
            archetypes: [],
            companies: companies.map {
                Company(
                    document: document(.company, $0.slug, $0.title, summary: "A company."), industry: "x", scale: nil, archetypes: [],
                    systems: [])
            })
        site = MarkdownSite(content: content, names: NameIndex(content))
    }

    /// An item of the harness's site: an article's slug is its page's path, in `articles/`.
    static func id(_ kind: Kind, _ slug: String) -> ItemID {
        kind == .article && !slug.contains("/") ? ItemID(.article, "articles/\(slug)") : ItemID(kind, slug)
    }

    /// Renders `markdown` as the body of `page` (an article by default).
    /// An article holding `markdown` as its body, for the stage that renders many at once.
    func document(_ markdown: String, slug: String) -> Document {
        let path = "content/articles/\(slug).md"
        var document = Document(
            id: Self.id(.article, slug), path: path, title: Located(slug, at: SourceLocation(path: path, line: 2, column: 8)),
            summary: "", body: markdown, bodyFirstLine: 5)
        document.source = "articles/\(slug).md"
        return document
    }

    func render(_ markdown: String, page: ItemID = ItemID(.article, "page")) -> RenderedBody {
        let page = Self.id(page.kind, page.slug)
        let source = page.kind == .article ? "\(page.slug).md" : "\(page.kind.folder)/\(page.slug).md"
        var document = Document(
            id: page, path: "content/\(source)", title: Located("Page", at: SourceLocation(path: "p")), summary: "", body: markdown,
            bodyFirstLine: 5)
        document.source = source
        return CommonMark.render(document, site: site)
    }

    func html(_ markdown: String, page: ItemID = ItemID(.article, "page")) -> String {
        render(markdown, page: page).html
    }

    /// The glossary link HTML the stage makes for a term.
    static func termLink(_ slug: String, _ label: String, title: String) -> String {
        "<a class=\"term-link\" href=\"../terms/\(slug).html\" data-tip=\"\(title) defined.\" aria-describedby=\"tip-\(slug)\">\(label)</a>"
    }
}
