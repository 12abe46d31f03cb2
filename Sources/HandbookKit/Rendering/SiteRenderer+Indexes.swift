import Foundation

/// Views of pages gathered from many items: home, indexes, question bank, checklist, print.
extension SiteRenderer {
    /// Tags in slug order, each under the first spelling met, with its articles sorted by title (in content
    /// order among equal titles). Computed once per build: it visits each article's tags once.
    static func tagIndex(_ articles: [Article]) -> [(name: String, articles: [Article])] {
        var byTag: [String: (name: String, members: [Int])] = [:]
        for (position, article) in articles.enumerated() {
            for tag in article.tags {
                let slug = TagName.slug(tag.value)
                // An article naming a tag twice (or in two spellings) is listed once: its position is the last added.
                if byTag[slug]?.members.last == position { continue }
                byTag[slug, default: (tag.value, [])].members.append(position)
            }
        }
        let titles = articles.map { $0.document.title.value.lowercased() }
        return byTag.keys.sorted().compactMap { slug in
            byTag[slug].map { tag in
                (tag.name, tag.members.sorted { (titles[$0], $0) < (titles[$1], $1) }.map { articles[$0] })
            }
        }
    }

    /// How many articles, topics and companies the home page shows before linking to their full lists.
    static let homeArticles = 12
    static let homeTopics = 24
    static let homeCompanies = 12

    /// The home page: the start of the reading order and the ways in (topics, roles, glossary, companies),
    /// never every article, so it stays the same size as the site grows.
    func homeView() -> HomeView {
        let site = content.site
        let categories = Dictionary(grouping: content.terms, by: \.category)
        let topics = tagged.sorted { ($1.articles.count, $0.name.lowercased()) < ($0.articles.count, $1.name.lowercased()) }
        return HomeView(
            root: "", title: site.title, tagline: site.tagline, description: site.description,
            articles: readingOrder.prefix(Self.homeArticles).map {
                LinkView(title: $0.document.title.value, url: $0.document.id.url, summary: $0.document.summary)
            },
            articleCount: readingOrder.count,
            moreArticles: readingOrder.count > Self.homeArticles && content.sections.sections["articles"] != nil,
            topics: topics.prefix(Self.homeTopics).map {
                LinkView(title: $0.name, url: "tags/\(TagName.slug($0.name)).html", detail: "\($0.articles.count)")
            },
            archetypes: content.archetypes.map {
                LinkView(title: $0.document.title.value, url: $0.document.id.url, summary: $0.document.summary)
            },
            companies: content.companies.prefix(Self.homeCompanies).map {
                LinkView(title: $0.document.title.value, url: $0.document.id.url, summary: $0.document.summary, detail: $0.industry)
            },
            moreCompanies: content.companies.count > Self.homeCompanies,
            termCount: content.terms.count,
            categories: Term.Category.allCases.compactMap { category in
                guard let terms = categories[category] else { return nil }
                return LinkView(title: category.rawValue, url: "terms/index.html#category-\(category.rawValue)", detail: "\(terms.count)")
            },
            letters: letterGroups().map { LinkView(title: $0.letter, url: "terms/index.html#\($0.id)") },
            body: bodies[ItemID(.article, "index")]?.html, contents: homeContents(),
            recentChanges: recentChanges.prefix(Self.homeChanges).map { changeView($0.document, $0.change, from: "") },
            review: content.document(ItemID(.article, "index")).flatMap { review($0) })
    }

    /// How many of the top folder's sections and pages the home page lists.
    static let homeContents = 100

    /// The top folder's sections and pages, the way into a wiki's tree; none for a site whose pages are all in
    /// `articles/` (its start of the reading order says it all).
    private func homeContents() -> [LinkView] {
        let top = content.sections.sections[""]?.entries ?? []
        guard top != [.section("articles")] else { return [] }
        return top.prefix(Self.homeContents).map { entry in
            let summary: String? =
                switch entry {
                case .page(let id): content.document(id)?.summary
                case .section(let key): content.sections.sections[key]?.index.flatMap { content.document($0)?.summary }
                }
            return LinkView(title: title(of: entry), url: url(of: entry), summary: summary, detail: entry.isSection ? "Section" : nil)
        }
    }

    private func letterGroups() -> [LetterGroup] {
        let sorted = content.terms.sorted { $0.document.title.value.lowercased() < $1.document.title.value.lowercased() }
        var groups: [LetterGroup] = []
        for term in sorted {
            let first =
                term.document.title.value.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                .uppercased().first.map(String.init) ?? "#"
            let letter = first.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) ? first : "#"
            let item = LinkView(
                title: term.document.title.value, url: "../" + term.document.id.url, summary: term.document.summary,
                detail: term.category.rawValue)
            if groups.last?.letter == letter {
                groups[groups.count - 1].terms.append(item)
            } else {
                groups.append(
                    LetterGroup(letter: letter, id: letter == "#" ? "letter-other" : "letter-\(letter.lowercased())", terms: [item]))
            }
        }
        // Terms starting with a digit or symbol sort first but belong at the end of an A–Z.
        return groups.filter { $0.letter != "#" } + groups.filter { $0.letter == "#" }
    }

    func termsIndexView() -> TermsIndexView {
        let byCategory = Dictionary(grouping: content.terms, by: \.category)
        return TermsIndexView(
            root: "../", letters: letterGroups(),
            categories: Term.Category.allCases.compactMap { category in
                guard let terms = byCategory[category] else { return nil }
                return GroupView(
                    label: category.rawValue, items: terms.map { LinkView(title: $0.document.title.value, url: "../" + $0.document.id.url) }
                )
            },
            count: content.terms.count)
    }

    func archetypesIndexView() -> ArchetypesIndexView {
        ArchetypesIndexView(
            root: "../",
            rows: content.archetypes.map { archetype in
                ArchetypeRow(
                    title: archetype.document.title.value, url: "../" + archetype.document.id.url, summary: archetype.document.summary,
                    builds: archetype.builds,
                    uses: resolvedLinks(archetype.uses, .term, from: "../"),
                    salaryPremium: archetype.salaryPremium ?? "—", mustHave: archetype.mustHave,
                    kitURL: "../" + Self.kitPath(archetype.document.slug))
            })
    }

    func companiesIndexView() -> CompaniesIndexView {
        // "Who uses what": one row per term in any company's stack, most widely used first.
        var stacks: [String: Set<String>] = [:]
        for company in content.companies {
            for ref in company.systems.flatMap(\.stack) {
                if let term = names.resolve(ref.value, kinds: [.term]).first {
                    stacks[term.slug, default: []].insert(company.document.slug)
                }
            }
        }
        let rows = stacks.keys.sorted {
            (-(stacks[$0]?.count ?? 0), title(ItemID(.term, $0))) < (-(stacks[$1]?.count ?? 0), title(ItemID(.term, $1)))
        }
        let companies = content.companies.filter { company in stacks.values.contains { $0.contains(company.document.slug) } }
        return CompaniesIndexView(
            root: "../",
            companies: content.companies.map {
                LinkView(title: $0.document.title.value, url: "../" + $0.document.id.url, summary: $0.document.summary, detail: $0.industry)
            },
            columns: companies.map { LinkView(title: $0.document.title.value, url: "../" + $0.document.id.url) },
            matrix: rows.map { slug in
                MatrixRow(
                    term: LinkView(title: title(ItemID(.term, slug)), url: "../terms/\(slug).html"),
                    cells: companies.map { company in
                        let uses = stacks[slug]?.contains(company.document.slug) == true
                        return MatrixCell(
                            uses: uses,
                            label: "\(company.document.title.value) \(uses ? "uses" : "does not list") \(title(ItemID(.term, slug)))")
                    })
            },
            hasMatrix: !rows.isEmpty)
    }

    func tagsIndexView() -> ListPageView {
        ListPageView(
            root: "../", title: "Tags", summary: "Articles by topic.",
            items: tagged.map { tag, articles in
                LinkView(title: tag, url: "\(TagName.slug(tag)).html", detail: "\(articles.count)")
            })
    }

    func questionsView() -> QuestionsView {
        let groups = content.archetypes.filter { !$0.interviewQuestions.isEmpty }.map {
            QuestionGroup(
                title: $0.document.title.value, url: $0.document.id.url, id: "role-\($0.document.slug)",
                questions: $0.interviewQuestions.map(\.question), kitURL: Self.kitPath($0.document.slug))
        }
        return QuestionsView(root: "", groups: groups, count: groups.reduce(0) { $0 + $1.questions.count })
    }

    func checklistView() -> ChecklistView {
        ChecklistView(
            root: "",
            groups: content.archetypes.compactMap { archetype in
                let signals = archetype.signals
                guard !(signals.green.isEmpty && signals.yellow.isEmpty && signals.red.isEmpty) else { return nil }
                return ChecklistGroup(
                    title: archetype.document.title.value, url: archetype.document.id.url, id: "role-\(archetype.document.slug)",
                    signals: SignalsView(green: signals.green, yellow: signals.yellow, red: signals.red),
                    kitURL: Self.kitPath(archetype.document.slug))
            })
    }

    /// The print handbook's parts, in order: articles in reading order, roles, their kits, companies, and the
    /// glossary from A to Z; each section weighs its body.
    /// The print handbook's parts in order, each item with the bytes it weighs there.
    static func printParts(content: ContentSet, readingOrder: [Article], bodies: [ItemID: RenderedBody]) -> [PrintBook.Weighed] {
        func weighed(_ documents: [Document]) -> [(id: ItemID, bytes: Int)] {
            documents.map { ($0.id, printWeight($0, body: bodies[$0.id])) }
        }
        let archetypes = content.archetypes.map(\.document)
        return [
            (.articles, weighed(readingOrder.map(\.document))), (.roles, weighed(archetypes)),
            // A kit carries the role's questions, answers and signals: about as much text as the role's body.
            (.kits, weighed(archetypes)), (.companies, weighed(content.companies.map(\.document))),
            (.glossary, weighed(glossaryOrder(content).map(\.document))),
        ]
    }

    static func printWeight(_ document: Document, body: RenderedBody?) -> Int {
        (body?.html.utf8.count ?? 0) + document.summary.utf8.count + 200
    }

    /// Terms from A to Z, as the glossary appendix lists them.
    var glossaryOrder: [Term] { Self.glossaryOrder(content) }

    static func glossaryOrder(_ content: ContentSet) -> [Term] {
        content.terms.sorted { $0.document.title.value.lowercased() < $1.document.title.value.lowercased() }
    }

    /// A section of the print handbook, for the print page `file`.
    private func printSection(_ document: Document, in file: String) -> PrintSection {
        PrintSection(
            id: PrintLinks.anchor(document.id), kind: document.kind.label, title: document.title.value, summary: document.summary,
            body: PrintLinks.rewrite(bodies[document.id]?.html ?? "", for: document.id, in: file, book: printBook, pages: pageURLs),
            review: review(document, editable: false), titleID: document.titleID.map { PrintLinks.anchor(document.id) + "--" + $0 })
    }

    /// `print.html`: every section, or for a split book the list of volumes.
    func printView() -> PrintView {
        guard printBook.isSplit else {
            let section = { @Sendable (document: Document) in self.printSection(document, in: "print.html") }
            return PrintView(
                root: "", title: content.site.title, articles: readingOrder.map(\.document).parallelMap(section),
                archetypes: content.archetypes.map(\.document).parallelMap(section),
                kits: content.archetypes.map { kitView($0, inPrint: true) },
                companies: content.companies.map(\.document).parallelMap(section),
                terms: glossaryOrder.map(\.document).parallelMap(section))
        }
        let parts = PrintBook.Part.allCases.compactMap { part -> PrintPartView? in
            let volumes = printBook.volumes.filter { $0.part == part }
            guard !volumes.isEmpty else { return nil }
            return PrintPartView(
                label: part.label,
                volumes: volumes.map { LinkView(title: volumeTitle($0), url: $0.path, summary: volumeCovers($0)) })
        }
        return PrintView(
            root: "", title: content.site.title, articles: [], archetypes: [], kits: [], companies: [], terms: [], split: true,
            parts: parts)
    }

    /// One volume of a split print handbook, with the definitions of the terms its sections link.
    func printVolume(_ index: Int) -> (OutputFile?, Diagnostic?) {
        let volume = printBook.volumes[index]
        let documents = volume.items.compactMap { content.document($0) }
        let neighbour = { (index: Int) -> LinkView? in
            printBook.volumes.indices.contains(index)
                ? LinkView(title: volumeTitle(printBook.volumes[index]), url: String(printBook.volumes[index].path.dropFirst(6))) : nil
        }
        let view = PrintVolumeView(
            root: "../", bookTitle: content.site.title, title: volumeTitle(volume), covers: volumeCovers(volume),
            contentsURL: "../print.html",
            sections: volume.part == .kits ? [] : documents.map { printSection($0, in: volume.path) },
            kits: volume.part == .kits
                ? content.archetypes.filter { volume.items.contains($0.document.id) }.map {
                    kitView($0, inPrint: true, printFile: volume.path)
                }
                : [],
            previous: neighbour(index - 1), next: neighbour(index + 1))
        var seen = Set<String>()
        let linked = volume.part == .kits ? [] : documents.flatMap { bodies[$0.id]?.terms ?? [] }.filter { seen.insert($0).inserted }
        return frame(volume.path, template: "print-volume", view: view, title: view.title, nav: "", tips: tips(linked.sorted()))
    }

    private func volumeTitle(_ volume: PrintBook.Volume) -> String {
        let count = printBook.volumes.count { $0.part == volume.part }
        return count == 1 ? volume.part.label : "\(volume.part.label), volume \(volume.number) of \(count)"
    }

    private func volumeCovers(_ volume: PrintBook.Volume) -> String {
        let titles = [volume.items.first, volume.items.last].compactMap { $0.flatMap { content.document($0)?.title.value } }
        return titles.count == 2 && titles[0] != titles[1] ? "\(titles[0]) – \(titles[1])" : titles.first ?? ""
    }

    /// Links to the items `refs` name, in order, each once.
    func resolvedLinks(_ refs: [Located<String>], _ kind: Kind, from root: String) -> [LinkView] {
        resolved(refs, kind).compactMap { link(to: $0, from: root) }
    }

    private func title(_ id: ItemID) -> String { content.title(of: id) ?? id.slug }
}

/// On the print handbook, links between pages become links to sections: within the page, or to the volume
/// holding the section when the book is split.
enum PrintLinks {
    /// A section's id: `term-django`, `article-first-week` for a page of `articles/`, `page-people.hiring.hm-intro-call`
    /// for one elsewhere (a slug has no dots, so a path with them for slashes names one page).
    static func anchor(_ id: ItemID) -> String {
        guard id.kind == .article else { return "\(id.kind.rawValue)-\(id.slug)" }
        let folder = PagePath.folder(of: id.slug)
        if folder == Kind.article.folder { return "article-" + PagePath.name(of: id.slug) }
        // Byte by byte: Foundation's replacing was 4% of a 10,000-page wiki's build (every link of the print pages).
        return "page-" + String(decoding: id.slug.utf8.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
    }

    /// Prefixes the body's own ids and fragments with its item, and points page links at sections.
    /// `file` is the print page the body goes on: `print.html`, or a volume under `print/` (one folder down,
    /// like the item pages, so other relative links stay as they are). The print handbook carries every body
    /// of the site, so this jumps from one `="` to the next (`memchr` for the `=`, rare in prose) and copies
    /// the text between in one piece: every attribute it rewrites ends in `="`.
    /// The body's links start from its page's folder: `pageRoot` ("../" per folder of the page's URL) climbs to the site
    /// root. `pages` finds the item a URL is the page of, for links to nested pages.
    static func rewrite(
        _ html: String, for id: ItemID, in file: String = "print.html", book: PrintBook? = nil, pages: [String: ItemID] = [:]
    ) -> String {
        let atRoot = !file.contains("/")
        let parent = Array(Pagination.root(of: id.url).utf8)
        let pageFolder = PagePath.folder(of: id.url)
        let folderPrefix = Array(((atRoot ? "" : "../") + (pageFolder.isEmpty ? "" : pageFolder + "/")).utf8)
        let rootPrefix = Array((atRoot ? "" : "../").utf8)
        let prefix = Array((anchor(id) + "--").utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var copied = 0
        var searchFrom = 0
        while let equals = nextAttributeValue(bytes, from: searchFrom) {
            // The value starts after `="`; the attribute's name is the bytes just before the `=`.
            let value = equals + 2
            searchFrom = value
            // What goes in after the first `kept` bytes of the value, in place of the `skipped` bytes after those.
            var replacement: [UInt8]?
            var kept = 0
            var skipped = 0
            if ends(bytes, at: equals, with: idName) {
                replacement = prefix
            } else if ends(bytes, at: equals, with: hrefName) {
                if starts(bytes, at: value, with: Array("#\"".utf8)) || starts(bytes, at: value, with: Array("#top\"".utf8)) {
                    // The top of the page is the top of its section.
                    (replacement, kept, skipped) = (
                        Array(anchor(id).utf8), hash.count, value + 1 < bytes.count && bytes[value + 1] == UInt8(ascii: "t") ? 3 : 0
                    )
                } else if starts(bytes, at: value, with: hash) {
                    (replacement, kept) = (prefix, hash.count)
                } else if isRelative(bytes, at: value) && startsFromRoot(bytes, at: value, parent) {
                    if let (target, fragment, length) = pageTarget(bytes, at: value + parent.count, pages: pages) {
                        let anchor = anchor(target) + fragment
                        replacement = Array((book?.url(of: target, anchor: anchor, from: file) ?? "#" + anchor).utf8)
                        skipped = parent.count + length
                    } else {
                        (replacement, skipped) = (rootPrefix, parent.count)
                    }
                } else if isRelative(bytes, at: value) {
                    // Raw HTML (unsafe_html) may name a file next to its page: from the print page, it is in the page's folder.
                    replacement = folderPrefix
                }
            } else if ends(bytes, at: equals, with: srcName) && isRelative(bytes, at: value) {
                // An image beside the page, or from the site root as the Markdown stage writes it.
                if startsFromRoot(bytes, at: value, parent) {
                    (replacement, skipped) = (rootPrefix, parent.count)
                } else {
                    replacement = folderPrefix
                }
            }
            if let replacement {
                out += bytes[copied..<value + kept]
                out += replacement
                copied = value + kept + skipped
                searchFrom = copied
            }
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of the next `=` followed by `"` at or after `start`.
    private static func nextAttributeValue(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var index = start
            while index + 1 < buffer.count {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "=")), buffer.count - index - 1) else { return nil }
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[position + 1] == UInt8(ascii: "\"") { return position }
                index = position + 1
            }
            return nil
        }
    }

    private static func ends(_ bytes: [UInt8], at end: Int, with needle: [UInt8]) -> Bool {
        end >= needle.count && bytes[end - needle.count..<end].elementsEqual(needle)
    }

    private static let idName = Array(" id".utf8)
    private static let hrefName = Array("href".utf8)
    private static let srcName = Array("src".utf8)
    private static let hash = Array("#".utf8)
    private static let html = Array(".html".utf8)

    /// Whether a relative URL climbs to the site root from its page: it starts with the page's `parent` ("../../"),
    /// and for a page at the top ("" climbs nothing) does not climb at all.
    private static func startsFromRoot(_ bytes: [UInt8], at start: Int, _ parent: [UInt8]) -> Bool {
        parent.isEmpty ? !starts(bytes, at: start, with: Array("../".utf8)) : starts(bytes, at: start, with: parent)
    }

    /// A relative URL: not empty, no scheme, not from the server's root, not "#" or "?" alone.
    private static func isRelative(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start < bytes.count, ![UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "#"), UInt8(ascii: "?")].contains(bytes[start])
        else { return false }
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ":"): return false
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\""): return true
            default: index += 1
            }
        }
        return true
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with needle: [UInt8]) -> Bool {
        index + needle.count <= bytes.count && bytes[index..<index + needle.count].elementsEqual(needle)
    }

    /// `terms/django.html#x"` -> (term django, `--x`, length up to the quote), for links to content pages.
    private static func pageTarget(_ bytes: [UInt8], at start: Int, pages: [String: ItemID]) -> (ItemID, String, Int)? {
        guard let quote = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let url = bytes[start..<quote]
        let hash = url.firstIndex(of: UInt8(ascii: "#")) ?? quote
        // "x.html#" and "x.html#top" are the top of the page: its section's own anchor.
        let written = hash < quote ? String(decoding: url[(hash + 1)...], as: UTF8.self) : ""
        let fragment = written.isEmpty || written == "top" ? "" : "--" + written
        if let id = pages[String(decoding: url[..<hash], as: UTF8.self)] { return (id, fragment, quote - start) }
        let path = url[..<hash].split(separator: UInt8(ascii: "/"))
        guard path.count == 2, path[1].count >= html.count, path[1].suffix(html.count).elementsEqual(html),
            let kind = Kind.allCases.first(where: { $0.folder.utf8.elementsEqual(path[0]) })
        else { return nil }
        let slug = String(decoding: path[1].dropLast(html.count), as: UTF8.self)
        guard ContentLoader.isValidSlug(slug) else { return nil }
        return (ItemID(kind, kind == .article ? "\(kind.folder)/\(slug)" : slug), fragment, quote - start)
    }
}
