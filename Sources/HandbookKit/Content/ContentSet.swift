/// Everything under `content/`, decoded: the input of every later stage.
public struct ContentSet: Sendable {
    public var site: SiteConfig
    public var articles: [Article]
    public var terms: [Term]
    public var archetypes: [Archetype]
    public var companies: [Company]
    /// Files published as they are (images, PDFs), content-relative and sorted: see `ContentFiles`.
    public var files: [String]
    /// Slugs of the draft articles this build leaves out (no `--drafts`), to explain a link to one.
    public var leftOutDrafts: [String]

    /// Every item's document, in a stable order (kind, then slug).
    public var documents: [Document] {
        articles.map(\.document) + terms.map(\.document) + archetypes.map(\.document) + companies.map(\.document)
    }

    /// Names an item answers to: its slug, title and (terms) aliases.
    public func names(of id: ItemID) -> [String] {
        guard let document = document(id) else { return [id.slug] }
        return Self.names(document, aliases: id.kind == .term ? term(id.slug)?.aliases ?? [] : [])
    }

    /// Every item with its names (`names(of:)`), in the order of `documents`, without copying any document.
    public func forEachItem(names body: (ItemID, [String]) -> Void) {
        for article in articles { body(article.document.id, Self.names(article.document)) }
        for term in terms { body(term.document.id, Self.names(term.document, aliases: term.aliases)) }
        for archetype in archetypes { body(archetype.document.id, Self.names(archetype.document)) }
        for company in companies { body(company.document.id, Self.names(company.document)) }
    }

    private static func names(_ document: Document, aliases: [Located<String>] = []) -> [String] {
        [document.slug, document.title.value] + aliases.map(\.value)
    }

    public func document(_ id: ItemID) -> Document? {
        switch id.kind {
        case .article: articleIndex[id.slug].map { articles[$0].document }
        case .term: termIndex[id.slug].map { terms[$0].document }
        case .archetype: archetypeIndex[id.slug].map { archetypes[$0].document }
        case .company: companyIndex[id.slug].map { companies[$0].document }
        }
    }

    public func term(_ slug: String) -> Term? { termIndex[slug].map { terms[$0] } }

    init(
        site: SiteConfig, articles: [Article], terms: [Term], archetypes: [Archetype], companies: [Company], files: [String] = [],
        leftOutDrafts: [String] = []
    ) {
        self.site = site
        self.files = files
        self.leftOutDrafts = leftOutDrafts.sorted()
        self.articles = articles.sorted { $0.document.slug < $1.document.slug }
        self.terms = terms.sorted { $0.document.slug < $1.document.slug }
        self.archetypes = archetypes.sorted { $0.document.slug < $1.document.slug }
        self.companies = companies.sorted { $0.document.slug < $1.document.slug }
        articleIndex = Self.index(self.articles.map(\.document))
        termIndex = Self.index(self.terms.map(\.document))
        archetypeIndex = Self.index(self.archetypes.map(\.document))
        companyIndex = Self.index(self.companies.map(\.document))
    }

    private var articleIndex: [String: Int]
    private var termIndex: [String: Int]
    private var archetypeIndex: [String: Int]
    private var companyIndex: [String: Int]

    private static func index(_ documents: [Document]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.slug, $0) })
    }
}
