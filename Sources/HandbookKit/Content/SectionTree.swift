/// The pages' folders as sections, nested to any depth: each section's pages and subsections in reading order.
///
/// A section is every folder holding a page, directly or below; its page is the folder's `index.md`/`README.md` when
/// there is one, else a generated one at the same URL (`people/hiring/index.html`). The top (`""`) is the home page.
/// Order within a section: the folder's `.pages` (`SectionOrder`), then front matter `order`, then title (subsections
/// by their index page's `order` and title).
public struct SectionTree: Sendable {
    /// One entry of a section's listing: a page, or a subsection (by its key).
    public enum Entry: Sendable, Hashable {
        case page(ItemID)
        case section(String)
    }

    public struct Section: Sendable {
        /// Slugged folder path: `people-ops/hiring`; `""` for the top.
        public var key: String
        /// The folder as named in `content/`: `People_Ops/hiring`.
        public var folder: String
        /// The index page's title, else the folder's name in words.
        public var title: String
        /// The folder's `index.md` or `README.md`.
        public var index: ItemID?
        /// Pages and subsections, in reading order; the index page is the section itself, not an entry.
        public var entries: [Entry] = []

        /// `people-ops/hiring/index.html`; the top's is the home page.
        public var url: String { key.isEmpty ? "index.html" : "\(key)/index.html" }
        /// `people-ops` for `people-ops/hiring`; nil for the top.
        public var parent: String? { key.isEmpty ? nil : PagePath.folder(of: key) }
    }

    /// By key; the top (`""`) is always there.
    public private(set) var sections: [String: Section]
    /// Each entry's place in its section's entries: a page of a folder of 10,000 finds itself without a scan.
    private var positions: [Entry: Int] = [:]
    /// Each section's `path(of:)`, made once: every page's search entry and change line shows one.
    private var titlePaths: [String: String] = [:]
    /// Each section's `chain(to:)`, made once: every page's breadcrumbs and tree follow one.
    private var chains: [String: [Section]] = [:]

    init(_ articles: [Article], orders: [SectionOrder] = []) {
        var sections: [String: Section] = ["": Section(key: "", folder: "", title: "Home")]
        var order: [Entry: (Int, String, String)] = [:]
        // Each page's file name, which a folder's `.pages` names it by.
        var fileNames: [Entry: String] = [:]
        func ensure(_ key: String, folder: String) {
            guard sections[key] == nil else { return }
            let parent = PagePath.folder(of: key)
            ensure(parent, folder: PagePath.folder(of: folder))
            sections[key] = Section(key: key, folder: folder, title: PageText.title(fromName: PagePath.name(of: folder)))
            sections[parent]?.entries.append(.section(key))
        }
        for article in articles {
            let id = article.document.id
            let sourceFolder = PagePath.folder(of: article.document.source)
            // The folder the file is in: a section's own page (index.md) is that section's.
            let key = PagePath.folder(of: id.slug)
            ensure(key, folder: sourceFolder)
            let sortKey = (article.order ?? Int.max, article.document.title.value.lowercased(), id.slug)
            if id.isSectionIndex {
                sections[key]?.index = id
                sections[key]?.title = article.document.title.value
                order[.section(key)] = sortKey
            } else {
                sections[key]?.entries.append(.page(id))
                order[.page(id)] = sortKey
                if !orders.isEmpty { fileNames[.page(id)] = PagePath.name(of: article.document.source) }
            }
        }
        let written = Dictionary(orders.map { ($0.folder, $0) }) { first, _ in first }
        for (key, section) in sections {
            guard let title = written[section.folder]?.title else { continue }
            sections[key]?.title = title
            if let sortKey = order[.section(key)] { order[.section(key)] = (sortKey.0, title.lowercased(), sortKey.2) }
        }
        for key in Array(sections.keys) {
            guard var section = sections[key] else { continue }
            for entry in section.entries {
                if case .section(let child) = entry, order[entry] == nil {
                    order[entry] = (Int.max, (sections[child]?.title ?? child).lowercased(), child)
                }
            }
            // Entries the folder's `.pages` names come in its order, the rest where its `...` stands (else last).
            var places: [Entry: Int] = [:]
            var rest = Int.max
            if let written = written[section.folder] {
                var byName: [String: Entry] = [:]
                for entry in section.entries {
                    switch entry {
                    case .page: byName[fileNames[entry] ?? ""] = entry
                    case .section(let child): byName[PagePath.name(of: sections[child]?.folder ?? child)] = entry
                    }
                }
                rest = written.names.count
                for (place, name) in written.names.enumerated() {
                    if let name { byName[name].map { places[$0] = place } } else { rest = place }
                }
            }
            // Sort keys are made once per entry, not in every comparison.
            let none = (Int.max, "", "")
            section.entries = section.entries.map { entry in
                let (number, title, slug) = order[entry] ?? none
                return (key: (places[entry] ?? rest, number, title, slug), entry: entry)
            }.sorted { $0.key < $1.key }.map(\.entry)
            for (place, entry) in section.entries.enumerated() { positions[entry] = place }
            sections[key] = section
        }
        self.sections = sections
        for key in sections.keys {
            var chain: [Section] = []
            var current: String? = key
            while let key = current, let section = sections[key] {
                chain.append(section)
                current = section.parent
            }
            chain.reverse()
            chains[key] = chain
            let below = chain.dropFirst()
            titlePaths[key] = below.map(\.key) == [Kind.article.folder] ? "" : below.map(\.title).joined(separator: " › ")
        }
    }

    /// The section a page is listed in.
    public func section(of id: ItemID) -> Section? { sections[id.section] }

    /// The page's place among its section's entries; nil for a section's own page.
    public func position(of id: ItemID) -> Int? { positions[.page(id)] }

    /// An entry's place among its section's entries.
    public func position(of entry: Entry) -> Int? { positions[entry] }

    /// From the top down to `key`, both included.
    public func chain(to key: String) -> [Section] { chains[key] ?? [] }

    /// The titles of the sections a page is in, from the top, as search results and change lists show them
    /// ("People operations › Onboarding"): none for the pages of `articles/` or the top folder.
    public func path(of id: ItemID) -> String { titlePaths[id.section] ?? "" }

    /// The pages of a section and of all its subsections, depth first in reading order (the print handbook's order).
    public func pagesInOrder(from key: String = "") -> [ItemID] {
        guard let section = sections[key] else { return [] }
        var pages: [ItemID] = section.index.map { [$0] } ?? []
        for entry in section.entries {
            switch entry {
            case .page(let id): pages.append(id)
            case .section(let child): pages += pagesInOrder(from: child)
            }
        }
        return pages
    }
}
