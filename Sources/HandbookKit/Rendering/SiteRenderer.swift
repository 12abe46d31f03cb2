/// A file of the built site, by its path under the output folder.
struct OutputFile: Sendable {
    var path: String
    var contents: String
}

/// Turns content, rendered bodies and cross-references into every page of the site.
struct SiteRenderer: Sendable {
    private(set) var content: ContentSet
    let names: NameIndex
    private(set) var bodies: [ItemID: RenderedBody]
    let references: CrossReferences
    let templates: TemplateSet
    /// Pages in reading order: section by section, depth first, each in its order. Computed once.
    private(set) var readingOrder: [Article]
    /// The section tree's levels and entries, each rendered once.
    let sectionTrees: SectionTreeHTML
    /// Every item by its page's URL, for the print handbook's links.
    let pageURLs: [String: ItemID]
    /// Tags and their articles, for the tag pages and the tags index.
    private(set) var tagged: [(name: String, articles: [Article])]
    /// Where each section of the print handbook goes: one page, or volumes for a large site.
    private(set) var printBook: PrintBook
    /// What the print book was laid out from, to lay it out again when a body changes.
    private var printParts: [PrintBook.Weighed]
    /// Each term's definition as pages carry it, rendered once by `partials/term-tip`: the same few lines would
    /// otherwise go through Mustache again on every page that links the term (26 times per page, on average, at
    /// 10,000 articles).
    private let termTipHTML: [String: String]
    /// The build's day: pages reviewed too long before it are stale on `owners.html`.
    let today: CalendarDate
    /// The pages changed last in Git, newest first (`changes.html`); none without history.
    let recentChanges: [(document: Document, change: Change)]

    init(
        content: ContentSet, names: NameIndex, bodies: [ItemID: RenderedBody], references: CrossReferences, templates: TemplateSet,
        today: CalendarDate
    ) {
        self.content = content
        self.today = today
        recentChanges = Self.latestChanges(content, limit: Self.changesLimit)
        self.names = names
        self.bodies = bodies
        self.references = references
        self.templates = templates
        // Section by section, each in its order (`order`, then title); the home page's own text is not a page of it.
        var byID: [ItemID: Article] = [:]
        for article in content.articles { byID[article.document.id] = article }
        readingOrder = content.sections.pagesInOrder().filter { $0.slug != "index" }.compactMap { byID[$0] }
        // The home page's text (index.md) is not a section of the print handbook: links to it stay links to the page.
        sectionTrees = SectionTreeHTML(templates: templates)
        pageURLs = Dictionary(content.documents.filter { $0.slug != "index" }.map { ($0.id.url, $0.id) }) { first, _ in first }
        tagged = Self.tagIndex(content.articles)
        printParts = Self.printParts(content: content, readingOrder: readingOrder, bodies: bodies)
        printBook = PrintBook(printParts)
        let rendered = content.terms.parallelMap { term in
            templates.render("partials/term-tip", TermTip(slug: term.document.slug, summary: term.document.summary)) ?? ""
        }
        termTipHTML = Dictionary(zip(content.terms.map(\.document.slug), rendered)) { first, _ in first }
    }

    /// Renders every page and hands each to `deliver` the moment it is made (the build writes it to disk, so the
    /// pages are never all in memory); returns their paths. A template that renders nothing is a diagnostic.
    func render(
        diagnostics: inout [Diagnostic], progress: ProgressReporter = ProgressReporter(callback: nil),
        deliver: @Sendable (OutputFile) -> Void
    ) -> [String] {
        let jobs: [@Sendable () -> (OutputFile?, Diagnostic?)] = pageJobs()
        let results = jobs.parallelMap(counting: progress.stage("Rendering pages", total: jobs.count)) { job -> (String?, Diagnostic?) in
            let (file, diagnostic) = job()
            if let file { deliver(file) }
            return (file?.path, diagnostic)
        }
        diagnostics += results.compactMap(\.1)
        return results.compactMap(\.0)
    }

    /// After the text of the article at `index` of the content alone changed (`Build.update`): what the renderer
    /// derives from titles, summaries and sections (the section trees, the term definitions, the tags) is kept; the
    /// print book is laid out again, as a body's size places it. In place: a renderer held once is not copied.
    mutating func replace(articleAt index: Int, with article: Article, body: RenderedBody) {
        let id = article.document.id
        content.articles[index] = article
        bodies[id] = body
        if let index = readingOrder.firstIndex(where: { $0.document.id == id }) { readingOrder[index] = article }
        for tag in tagged.indices {
            if let index = tagged[tag].articles.firstIndex(where: { $0.document.id == id }) { tagged[tag].articles[index] = article }
        }
        for part in printParts.indices where printParts[part].part == .articles {
            if let index = printParts[part].items.firstIndex(where: { $0.id == id }) {
                printParts[part].items[index].bytes = Self.printWeight(article.document, body: body)
            }
        }
        printBook = PrintBook(printParts)
    }

    // MARK: Pages

    /// The pages that show an article's body, for a rebuild after its text alone changed (`Build.update`): its own
    /// page and the print page holding it. Every other page shows an article by title and summary only.
    func pagesShowingBody(of article: Article) -> [@Sendable () -> (OutputFile?, Diagnostic?)] {
        let renderer = self
        let page: @Sendable () -> (OutputFile?, Diagnostic?) = {
            renderer.page(article.document, template: "article", view: renderer.articleView(article))
        }
        return [page] + printJobs(holding: article.document.id)
    }

    /// The print handbook's pages: `print.html` and its volumes, or (`holding`) only the page with that item's body.
    /// The print page carries every body, so it needs the definitions of every term any body links; a volume, those
    /// of its own bodies.
    private func printJobs(holding id: ItemID? = nil) -> [@Sendable () -> (OutputFile?, Diagnostic?)] {
        let renderer = self
        var jobs: [@Sendable () -> (OutputFile?, Diagnostic?)] = []
        if printBook.isSplit {
            if id == nil {
                jobs.append {
                    renderer.frame("print.html", template: "print", view: renderer.printView(), title: "The whole handbook", nav: "")
                }
            }
            for index in printBook.volumes.indices where id.map(printBook.volumes[index].items.contains) ?? true {
                jobs.append { renderer.printVolume(index) }
            }
        } else {
            let printTips = tips(Set(bodies.values.flatMap(\.terms)).sorted())
            jobs.append {
                renderer.frame(
                    "print.html", template: "print", view: renderer.printView(), title: "The whole handbook", nav: "", tips: printTips)
            }
        }
        return jobs
    }

    private func pageJobs() -> [@Sendable () -> (OutputFile?, Diagnostic?)] {
        var jobs: [@Sendable () -> (OutputFile?, Diagnostic?)] = []
        let renderer = self
        for (tag, articles) in tagged {
            let pagination = Pagination(first: "tags/\(TagName.slug(tag)).html", count: articles.count)
            for page in pagination.pages {
                let root = Pagination.root(of: page.path)
                let view = ListPageView(
                    root: root, title: tag, summary: "Articles tagged “\(tag)”.",
                    items: articles[page.range].map { link($0.document, from: root) }, pager: pagination.view(at: page.index))
                let title = page.index == 0 ? "Tag: \(tag)" : "Tag: \(tag), page \(page.index + 1)"
                jobs.append { renderer.frame(page.path, template: "tag", view: view, title: title, nav: "") }
            }
        }
        jobs.append { renderer.frame("index.html", template: "home", view: renderer.homeView(), title: nil, nav: "home") }
        jobs += sectionJobs()
        jobs.append {
            renderer.frame("terms/index.html", template: "terms-index", view: renderer.termsIndexView(), title: "Glossary", nav: "terms")
        }
        jobs.append {
            renderer.frame(
                "archetypes/index.html", template: "archetypes-index", view: renderer.archetypesIndexView(), title: "Roles compared",
                nav: "archetypes")
        }
        jobs.append {
            renderer.frame(
                "companies/index.html", template: "companies-index", view: renderer.companiesIndexView(), title: "Companies",
                nav: "companies")
        }
        jobs.append { renderer.frame("tags/index.html", template: "tags-index", view: renderer.tagsIndexView(), title: "Tags", nav: "") }
        jobs.append {
            renderer.frame("search.html", template: "search", view: SimpleView(root: "", title: "Search"), title: "Search", nav: "")
        }
        jobs.append {
            renderer.frame(
                "questions.html", template: "questions", view: renderer.questionsView(), title: "Interview question bank", nav: "questions")
        }
        jobs.append {
            renderer.frame(
                "checklist.html", template: "checklist", view: renderer.checklistView(), title: "Screening checklist", nav: "checklist")
        }
        jobs += printJobs()
        jobs += ownersJobs()
        if !recentChanges.isEmpty {
            jobs.append {
                renderer.frame("changes.html", template: "changes", view: renderer.changesView(), title: "Recent changes", nav: "")
            }
            jobs.append { (renderer.changesFeed(), nil) }
        }
        jobs.append {
            renderer.frame(
                "404.html", template: "404", view: SimpleView(root: "", title: "Page not found"), title: "Page not found", nav: "")
        }
        // The long single pages (print, home, indexes) go first: started last, they would run alone at the end.
        // The top folder's index.md is the home page's text.
        for article in content.articles where article.document.slug != "index" {
            jobs.append { renderer.page(article.document, template: "article", view: renderer.articleView(article)) }
        }
        for term in content.terms {
            jobs.append { renderer.page(term.document, template: "term", view: renderer.termView(term)) }
        }
        for archetype in content.archetypes {
            jobs.append { renderer.page(archetype.document, template: "archetype", view: renderer.archetypeView(archetype)) }
            jobs.append { renderer.kitPage(archetype) }
        }
        for company in content.companies {
            jobs.append { renderer.page(company.document, template: "company", view: renderer.companyView(company)) }
        }
        return jobs
    }

    /// A content item's page, framed by the layout, with the definitions of the terms it links.
    private func page(_ document: Document, template: String, view: any TemplateScope) -> (OutputFile?, Diagnostic?) {
        frame(
            document.id.url, template: template, view: view, title: document.title.value,
            nav: document.kind == .article ? String(document.id.section.prefix { $0 != "/" }) : document.kind.folder,
            description: document.summary, tips: tips(bodies[document.id]?.terms ?? []))
    }

    /// The definitions a page carries for the terms it links, in the order given.
    func tips(_ slugs: [String]) -> String {
        slugs.compactMap { termTipHTML[$0] }.joined()
    }

    func frame(
        _ path: String, template: String, view: any TemplateScope, title: String?, nav: String, description: String? = nil,
        tips: String = ""
    ) -> (OutputFile?, Diagnostic?) {
        let root = Pagination.root(of: path)
        guard let main = templates.render(template, view) else {
            return (
                nil, .error("missing-template", at: SourceLocation(path: "\(template).mustache"), "template '\(template)' rendered nothing")
            )
        }
        let site = content.site
        let layout = LayoutView(
            lang: site.language, siteTitle: site.title,
            pageTitle: title.map { "\($0) · \(site.title)" } ?? site.title,
            description: description ?? site.description, root: root,
            canonical: site.baseURL.map { Self.joinURL($0.value, path) }, nav: navigation(current: nav, root: root),
            main: main, termTips: tips, hasTermTips: !tips.isEmpty, bodyClass: template)
        guard let html = templates.renderLayout(layout) else {
            return (nil, .error("missing-template", at: SourceLocation(path: "layout.mustache"), "template 'layout' rendered nothing"))
        }
        return (OutputFile(path: path, contents: html), nil)
    }

    static func joinURL(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + (path == "index.html" ? "" : path)
    }

    /// The header's links: the articles section and the kinds of record, those the site has.
    private func navigation(current: String, root: String) -> [NavItem] {
        let hasRoles = !content.archetypes.isEmpty
        return [
            ("Articles", "articles/index.html", "articles", content.sections.sections["articles"] != nil),
            ("Roles", "archetypes/index.html", "archetypes", hasRoles),
            ("Companies", "companies/index.html", "companies", !content.companies.isEmpty),
            ("Glossary", "terms/index.html", "terms", !content.terms.isEmpty),
            ("Questions", "questions.html", "questions", hasRoles), ("Checklist", "checklist.html", "checklist", hasRoles),
        ].filter(\.3).map { NavItem(title: $0.0, url: root + $0.1, current: $0.2 == current) }
    }

    // MARK: Views of items

    func link(_ document: Document, from root: String, detail: String? = nil) -> LinkView {
        LinkView(title: document.title.value, url: root + document.id.url, summary: document.summary, detail: detail)
    }

    /// `link(_:from:detail:)` to an item by id; nil when there is none.
    func link(to id: ItemID, from root: String, detail: String? = nil) -> LinkView? {
        content.titleAndSummary(of: id).map { LinkView(title: $0.title, url: root + id.url, summary: $0.summary, detail: detail) }
    }

    private func links(_ ids: some Sequence<ItemID>, from root: String) -> [LinkView] {
        references.order.sorted(ids).compactMap { link(to: $0, from: root) }
    }

    func resolved(_ refs: [Located<String>], _ kind: Kind) -> [ItemID] {
        var seen = Set<ItemID>()
        return refs.compactMap { names.resolve($0.value, kinds: [kind]).first }.filter { seen.insert($0).inserted }
    }

    private func toc(_ id: ItemID) -> [TOCEntry] {
        (bodies[id]?.headings ?? []).map { TOCEntry(text: $0.text, id: $0.id, isSub: $0.level == 3) }
    }

    /// A page: its body, where it is (breadcrumbs, section tree, previous and next in its section), and for a section's
    /// own page (index.md) the section's listing.
    func articleView(_ article: Article) -> ArticleView {
        let id = article.document.id
        let root = Pagination.root(of: id.url)
        let sections = content.sections
        var previous: Document?
        var next: Document?
        if let place = sections.position(of: id), let entries = sections.section(of: id)?.entries {
            previous = entries[..<place].last { !$0.isSection }.flatMap { page(of: $0) }
            next = entries[(place + 1)...].first { !$0.isSection }.flatMap { page(of: $0) }
        }
        var seen = Set<String>()
        let tags = article.tags.map(\.value).filter { seen.insert(TagName.slug($0)).inserted }
        var view = ArticleView(
            root: root, title: article.document.title.value, summary: article.document.summaryFromBody ? nil : article.document.summary,
            body: bodies[id]?.html ?? "", toc: toc(id),
            tags: tags.map { LinkView(title: $0, url: "\(root)tags/\(TagName.slug($0)).html") },
            previous: previous.map { link($0, from: root) }, next: next.map { link($0, from: root) },
            review: review(article.document), relatedReading: relatedReading(id), titleID: article.document.titleID)
        // The folder the file is in: the section it opens for an index page, the one it is listed in otherwise.
        let folder = PagePath.folder(of: id.slug)
        view.section = sectionNav(open: folder, page: id, root: root)
        if id.isSectionIndex, let section = sections.sections[folder] {
            let pagination = Pagination(first: section.url, count: section.entries.count)
            view.listing = listing(section, page: pagination.pages[0], of: pagination, root: root)
        }
        return view
    }

    private func page(of entry: SectionTree.Entry) -> Document? {
        guard case .page(let id) = entry else { return nil }
        return content.document(id)
    }

    func termView(_ term: Term) -> TermView {
        let slug = term.document.slug
        let mentions = Dictionary(grouping: references.mentionedIn[slug] ?? [], by: \.kind)
        let groups = mentions.keys.sorted().map { kind in
            GroupView(label: kind.pluralLabel, items: links(mentions[kind] ?? [], from: "../"))
        }
        let usedBy = references.order.sorted(references.usedBy[slug] ?? []).compactMap { id in
            link(to: id, from: "../", detail: id.kind.label)
        }
        return TermView(
            root: "../", title: term.document.title.value, summary: term.document.summary, category: term.category.rawValue,
            aliases: term.aliases.map(\.value), body: bodies[term.document.id]?.html ?? "", toc: toc(term.document.id),
            mentionedIn: groups, usedBy: usedBy,
            related: links((references.related[slug] ?? []).map { ItemID(.term, $0) }, from: "../"),
            review: review(term.document), relatedReading: relatedReading(term.document.id))
    }

    func archetypeView(_ archetype: Archetype) -> ArchetypeView {
        let id = archetype.document.id
        let signals = SignalsView(green: archetype.signals.green, yellow: archetype.signals.yellow, red: archetype.signals.red)
        let companies = (references.archetypeCompanies[id.slug] ?? []).map { ItemID(.company, $0) }
        return ArchetypeView(
            root: "../", title: archetype.document.title.value, summary: archetype.document.summary,
            body: bodies[id]?.html ?? "", toc: toc(id), builds: archetype.builds,
            uses: resolvedLinks(archetype.uses, .term, from: "../"),
            companies: links(companies, from: "../"), salaryPremium: archetype.salaryPremium, mustHave: archetype.mustHave,
            interviewQuestions: archetype.interviewQuestions.map(\.question), signals: signals,
            hasSignals: !(signals.green.isEmpty && signals.yellow.isEmpty && signals.red.isEmpty),
            kitURL: "../" + Self.kitPath(id.slug), review: review(archetype.document))
    }

    func companyView(_ company: Company) -> CompanyView {
        let id = company.document.id
        let archetypes = (references.companyArchetypes[id.slug] ?? []).map { ItemID(.archetype, $0) }
        return CompanyView(
            root: "../", title: company.document.title.value, industry: company.industry, summary: company.document.summary,
            scale: company.scale, body: bodies[id]?.html ?? "", toc: toc(id), archetypes: links(archetypes, from: "../"),
            systems: company.systems.map { system in
                SystemView(
                    name: system.name, description: system.description,
                    stack: resolvedLinks(system.stack, .term, from: "../"))
            }, review: review(company.document))
    }
}
