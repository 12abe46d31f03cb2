/// Everything under `content/`, decoded: the input of every later stage.
public struct ContentSet: Sendable {
    public var site: SiteConfig
    public var articles: [Article]
    public var terms: [Term]
    public var archetypes: [Archetype]
    public var companies: [Company]
    /// Files published as they are (images, PDFs), content-relative and sorted: see `ContentFiles`.
    public var files: [String]
    /// Sources (`articles/draft.md`) of the draft pages this build leaves out (no `--drafts`), to explain a link to one.
    public var leftOutDrafts: [String]
    /// The pages' folders as sections.
    public let sections: SectionTree

    /// Gives each item the last commit that changed its source file (`GitRepository`); files not committed get none.
    public mutating func date(from changes: [String: Change]) {
        guard !changes.isEmpty else { return }
        for index in articles.indices { articles[index].document.lastChange = changes[articles[index].document.source] }
        for index in terms.indices { terms[index].document.lastChange = changes[terms[index].document.source] }
        for index in archetypes.indices { archetypes[index].document.lastChange = changes[archetypes[index].document.source] }
        for index in companies.indices { companies[index].document.lastChange = changes[companies[index].document.source] }
    }

    /// Lets go of every page's Markdown text, for a build that has rendered it and keeps nothing for later: no stage
    /// after the Markdown stage reads it, and at 10,000 pages it is about 50 MB held through the search index's peak.
    public mutating func releaseMarkdown() {
        for index in articles.indices { articles[index].document.body = "" }
        for index in terms.indices { terms[index].document.body = "" }
        for index in archetypes.indices { archetypes[index].document.body = "" }
        for index in companies.indices { companies[index].document.body = "" }
    }

    /// Every item's document, in a stable order (kind, then slug).
    public var documents: [Document] {
        articles.map(\.document) + terms.map(\.document) + archetypes.map(\.document) + companies.map(\.document)
    }

    /// Names an item answers to: its slug, title and (terms) aliases.
    public func names(of id: ItemID) -> [String] {
        guard let document = document(id) else { return [id.slug] }
        if id.kind == .article { return Self.names(document, pagePaths: Self.pagePaths(document)) }
        return Self.names(document, aliases: id.kind == .term ? term(id.slug)?.aliases ?? [] : [])
    }

    /// What else a page answers to: its path as written (`people/hiring/hm_intro_call`), a section's page its folder's
    /// (`people/hiring`), and a page of `articles/` its file name alone, as before pages could nest.
    private static func pagePaths(_ document: Document) -> [String] {
        var paths: [String] = []
        let written = document.source.hasSuffix(".md") ? String(document.source.dropLast(3)) : document.source
        if written != document.slug { paths.append(written) }
        if document.id.isSectionIndex, document.slug != "index" { paths.append(PagePath.folder(of: document.slug)) }
        if PagePath.folder(of: document.slug) == Kind.article.folder { paths.append(PagePath.name(of: document.slug)) }
        return paths
    }

    /// Every item with its names (`names(of:)`), in the order of `documents`, without copying any document.
    public func forEachItem(names body: (ItemID, [String]) -> Void) {
        for article in articles { body(article.document.id, Self.names(article.document, pagePaths: Self.pagePaths(article.document))) }
        for term in terms { body(term.document.id, Self.names(term.document, aliases: term.aliases)) }
        for archetype in archetypes { body(archetype.document.id, Self.names(archetype.document)) }
        for company in companies { body(company.document.id, Self.names(company.document)) }
    }

    private static func names(_ document: Document, aliases: [Located<String>] = [], pagePaths: [String] = []) -> [String] {
        [document.slug, document.title.value] + aliases.map(\.value) + pagePaths
    }

    public func document(_ id: ItemID) -> Document? {
        switch id.kind {
        case .article: articleIndex[id.slug].map { articles[$0].document }
        case .term: termIndex[id.slug].map { terms[$0].document }
        case .archetype: archetypeIndex[id.slug].map { archetypes[$0].document }
        case .company: companyIndex[id.slug].map { companies[$0].document }
        }
    }

    /// An item's title and summary, without copying its document (a copy retains every field): the links a page
    /// lists (related reading, backlinks, a section's pages) show these of every item they name.
    public func titleAndSummary(of id: ItemID) -> (title: String, summary: String)? {
        switch id.kind {
        case .article: articleIndex[id.slug].map { (articles[$0].document.title.value, articles[$0].document.summary) }
        case .term: termIndex[id.slug].map { (terms[$0].document.title.value, terms[$0].document.summary) }
        case .archetype: archetypeIndex[id.slug].map { (archetypes[$0].document.title.value, archetypes[$0].document.summary) }
        case .company: companyIndex[id.slug].map { (companies[$0].document.title.value, companies[$0].document.summary) }
        }
    }

    /// An item's title, without copying its document (the section tree asks it for every entry of every page's tree).
    public func title(of id: ItemID) -> String? {
        switch id.kind {
        case .article: articleIndex[id.slug].map { articles[$0].document.title.value }
        case .term: termIndex[id.slug].map { terms[$0].document.title.value }
        case .archetype: archetypeIndex[id.slug].map { archetypes[$0].document.title.value }
        case .company: companyIndex[id.slug].map { companies[$0].document.title.value }
        }
    }

    public func term(_ slug: String) -> Term? { termIndex[slug].map { terms[$0] } }

    init(
        site: SiteConfig, articles: [Article], terms: [Term], archetypes: [Archetype], companies: [Company], files: [String] = [],
        leftOutDrafts: [String] = [], sectionOrders: [SectionOrder] = []
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
        sections = SectionTree(self.articles, orders: sectionOrders)
    }

    private var articleIndex: [String: Int]
    private var termIndex: [String: Int]
    private var archetypeIndex: [String: Int]
    private var companyIndex: [String: Int]

    private static func index(_ documents: [Document]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.slug, $0) })
    }
}
