/// Sections: the breadcrumbs and section tree on every page, and each section's page listing what it holds.
extension SiteRenderer {
    /// Entries each level of the section tree shows around the open one: a folder of 5,000 pages must not put
    /// 5,000 links on each of them.
    static let treeWindow = 15

    /// Breadcrumbs and the tree for a page: for a section's page (`page` nil or its index), `open` is that section.
    func sectionNav(open key: String, page: ItemID?, root: String) -> SectionNavView {
        let tree = content.sections
        let chain = tree.chain(to: key)
        let isSectionPage = page.map(\.isSectionIndex) ?? true
        var breadcrumbs = (isSectionPage ? chain.dropLast() : chain[...]).map {
            LinkView(title: $0.key.isEmpty ? "Home" : $0.title, url: root + $0.url)
        }
        if isSectionPage && key.isEmpty { breadcrumbs = [] }
        var levels: [SectionTreeHTML.Parts] = []
        for (depth, section) in chain.enumerated() {
            // The entry the branch goes through at this level: the next section down, or the page itself.
            let through: SectionTree.Entry? =
                depth + 1 < chain.count ? .section(chain[depth + 1].key) : (isSectionPage ? nil : page.map { .page($0) })
            let current: SectionTree.Entry? =
                isSectionPage ? (depth + 1 == chain.count - 1 ? .section(key) : nil) : (depth + 1 == chain.count ? through : nil)
            let kept = current == nil ? SectionTreeHTML.LevelKey(section: section.key, through: through, root: root) : nil
            levels.append(
                sectionTrees.level(kept, open: through?.isSection == true) {
                    treeLevel(section, through: through, current: current, root: root)
                })
        }
        if levels.isEmpty { levels = [sectionTrees.level(nil, open: false) { TreeLevelView(items: "", more: nil) }] }
        return SectionNavView(breadcrumbs: breadcrumbs, tree: SectionTreeHTML.join(levels))
    }

    /// One level of the tree: the section's entries around `through` (open, if a section), and a link to the rest.
    private func treeLevel(_ section: SectionTree.Section, through: SectionTree.Entry?, current: SectionTree.Entry?, root: String)
        -> TreeLevelView
    {
        let shown = Self.window(section.entries, around: through.flatMap { content.sections.position(of: $0) })
        var items = ""
        for entry in shown {
            let open = entry == through && entry.isSection
            let isCurrent = entry == current
            items += sectionTrees.item(isCurrent ? nil : SectionTreeHTML.ItemKey(entry: entry, root: root, open: open)) {
                TreeItemView(
                    title: title(of: entry), url: root + url(of: entry), isSection: entry.isSection, current: isCurrent,
                    open: open ? SectionTreeHTML.slot : nil)
            }
        }
        let more =
            shown.count < section.entries.count
            ? LinkView(
                title: "All \(section.entries.count) in \(section.key.isEmpty ? "the handbook" : section.title)",
                url: root + section.url)
            : nil
        return TreeLevelView(items: items, more: more)
    }

    /// At most `treeWindow` entries, around the one at `place` when given.
    static func window(_ entries: [SectionTree.Entry], around place: Int?) -> ArraySlice<SectionTree.Entry> {
        guard entries.count > treeWindow else { return entries[...] }
        let center = place ?? 0
        let start = max(0, min(center - treeWindow / 2, entries.count - treeWindow))
        return entries[start..<start + treeWindow]
    }

    func title(of entry: SectionTree.Entry) -> String {
        switch entry {
        case .page(let id): content.title(of: id) ?? id.slug
        case .section(let key): content.sections.sections[key]?.title ?? key
        }
    }

    func url(of entry: SectionTree.Entry) -> String {
        switch entry {
        case .page(let id): id.url
        case .section(let key): content.sections.sections[key]?.url ?? "\(key)/index.html"
        }
    }

    /// One page of a section's listing: its subsections and pages in `range` of its entries.
    func listing(_ section: SectionTree.Section, page: Pagination.Page, of pagination: Pagination, root: String) -> SectionListing {
        var sections: [LinkView] = []
        var pages: [LinkView] = []
        for entry in section.entries[page.range] {
            switch entry {
            case .page(let id):
                if let page = link(to: id, from: root) { pages.append(page) }
            case .section(let key):
                let child = content.sections.sections[key]
                let count = child?.entries.count ?? 0
                sections.append(
                    LinkView(
                        title: title(of: entry), url: root + url(of: entry),
                        summary: child?.index.flatMap { content.document($0)?.summary }, detail: count == 1 ? "1 entry" : "\(count) entries"
                    ))
            }
        }
        return SectionListing(sections: sections, pages: pages, pager: pagination.view(at: page.index))
    }

    /// The generated pages of the sections: every listing page of a section with no index page, and the later listing
    /// pages (`people/page/2.html`) of one with. The top's listing is the home page's.
    func sectionJobs() -> [@Sendable () -> (OutputFile?, Diagnostic?)] {
        var jobs: [@Sendable () -> (OutputFile?, Diagnostic?)] = []
        let renderer = self
        for section in content.sections.sections.values.sorted(by: { $0.key < $1.key }) where !section.key.isEmpty {
            let pagination = Pagination(first: section.url, count: section.entries.count)
            for page in pagination.pages where page.index > 0 || section.index == nil {
                jobs.append {
                    let root = Pagination.root(of: page.path)
                    let count = section.entries.count
                    let view = SectionView(
                        root: root, title: section.title,
                        summary: count == 1 ? "1 entry in this section." : "\(count) entries in this section.",
                        section: renderer.sectionNav(open: section.key, page: nil, root: root),
                        listing: renderer.listing(section, page: page, of: pagination, root: root))
                    let title = page.index == 0 ? section.title : "\(section.title), page \(page.index + 1)"
                    return renderer.frame(page.path, template: "section", view: view, title: title, nav: section.key)
                }
            }
        }
        return jobs
    }
}

extension SectionTree.Entry {
    var isSection: Bool {
        if case .section = self { return true }
        return false
    }
}
