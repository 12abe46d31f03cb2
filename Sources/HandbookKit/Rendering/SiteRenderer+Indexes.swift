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

    func homeView() -> HomeView {
        let site = content.site
        let categories = Dictionary(grouping: content.terms, by: \.category)
        return HomeView(
            root: "", title: site.title, tagline: site.tagline, description: site.description,
            articles: readingOrder.map {
                LinkView(title: $0.document.title.value, url: $0.document.id.url, summary: $0.document.summary)
            },
            archetypes: content.archetypes.map {
                LinkView(title: $0.document.title.value, url: $0.document.id.url, summary: $0.document.summary)
            },
            companies: content.companies.map {
                LinkView(title: $0.document.title.value, url: $0.document.id.url, summary: $0.document.summary, detail: $0.industry)
            },
            termCount: content.terms.count,
            categories: Term.Category.allCases.compactMap { category in
                guard let terms = categories[category] else { return nil }
                return LinkView(title: category.rawValue, url: "terms/index.html#category-\(category.rawValue)", detail: "\(terms.count)")
            },
            letters: letterGroups().map { LinkView(title: $0.letter, url: "terms/index.html#\($0.id)") })
    }

    func articlesIndexView() -> ListPageView {
        ListPageView(
            root: "../", title: "Articles", summary: "Guides for recruiters, in reading order.",
            items: readingOrder.map {
                LinkView(title: $0.document.title.value, url: "../" + $0.document.id.url, summary: $0.document.summary)
            })
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

    func printView() -> PrintView {
        @Sendable func section(_ document: Document) -> PrintSection {
            PrintSection(
                id: PrintLinks.anchor(document.id), kind: document.kind.label, title: document.title.value,
                summary: document.summary, body: PrintLinks.rewrite(bodies[document.id]?.html ?? "", for: document.id),
                review: SiteRenderer.review(document))
        }
        let terms = content.terms.sorted { $0.document.title.value.lowercased() < $1.document.title.value.lowercased() }
        return PrintView(
            root: "", title: content.site.title, articles: readingOrder.map(\.document).parallelMap(section),
            archetypes: content.archetypes.map(\.document).parallelMap(section),
            kits: content.archetypes.map { kitView($0, inPrint: true) },
            companies: content.companies.map(\.document).parallelMap(section), terms: terms.map(\.document).parallelMap(section))
    }

    /// Links to the items `refs` name, in order, each once.
    func resolvedLinks(_ refs: [Located<String>], _ kind: Kind, from root: String) -> [LinkView] {
        resolved(refs, kind).compactMap { content.document($0).map { link($0, from: root) } }
    }

    private func title(_ id: ItemID) -> String { content.document(id)?.title.value ?? id.slug }
}

/// On the one-page print version, links between pages become links within the page.
enum PrintLinks {
    static func anchor(_ id: ItemID) -> String { "\(id.kind.rawValue)-\(id.slug)" }

    /// Prefixes the body's own ids and fragments with its item, and points page links at sections.
    /// One pass over the bytes: the print page carries every body of the site.
    static func rewrite(_ html: String, for id: ItemID) -> String {
        let prefix = Array((anchor(id) + "--").utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: " "), starts(bytes, at: index, with: idAttribute) {
                out += idAttribute
                out += prefix
                index += idAttribute.count
            } else if bytes[index] == UInt8(ascii: "h"), starts(bytes, at: index, with: localHref) {
                out += localHref
                out += prefix
                index += localHref.count
            } else if bytes[index] == UInt8(ascii: "h"), starts(bytes, at: index, with: parentHref) {
                index += parentHref.count
                out += hrefAttribute
                if let (target, length) = pageTarget(bytes, at: index) {
                    out += Array("#".utf8) + target
                    index += length
                }
            } else if bytes[index] == UInt8(ascii: "s"), starts(bytes, at: index, with: parentSrc) {
                // Anything else relative (an image next to the page) climbs one folder less from the site root.
                out += Array("src=\"".utf8)
                index += parentSrc.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let idAttribute = Array(" id=\"".utf8)
    private static let localHref = Array("href=\"#".utf8)
    private static let parentHref = Array("href=\"../".utf8)
    private static let hrefAttribute = Array("href=\"".utf8)
    private static let parentSrc = Array("src=\"../".utf8)

    private static func starts(_ bytes: [UInt8], at index: Int, with needle: [UInt8]) -> Bool {
        index + needle.count <= bytes.count && bytes[index..<index + needle.count].elementsEqual(needle)
    }

    /// `terms/django.html#x"` -> (`term-django--x`, length up to the quote), for links to content pages.
    private static func pageTarget(_ bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        guard let quote = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let url = String(decoding: bytes[start..<quote], as: UTF8.self)
        let hash = url.firstIndex(of: "#") ?? url.endIndex
        let path = url[..<hash].split(separator: "/")
        guard path.count == 2, path[1].hasSuffix(".html"), let kind = Kind.allCases.first(where: { $0.folder == path[0] }) else {
            return nil
        }
        let slug = String(path[1].dropLast(5))
        guard ContentLoader.isValidSlug(slug) else { return nil }
        let fragment = hash < url.endIndex ? "--" + url[url.index(after: hash)...] : ""
        return (Array((anchor(ItemID(kind, slug)) + fragment).utf8), quote - start)
    }
}
