import Synchronization

/// The section tree's HTML, from `partials/section-tree` (one level) and `partials/section-tree-item` (one entry),
/// each rendered once per distinct value: the pages of a folder share their ancestors' levels and every entry but
/// their own, so a page costs two renders (its own entry and its level) instead of one per entry of every level
/// (a third of the pages stage at 10,000 nested pages).
///
/// An open entry's level is rendered with `slot` in place of the level below it, which goes in afterwards.
final class SectionTreeHTML: Sendable {
    private let templates: TemplateSet
    private let items = Mutex<[TreeItemView: String]>([:])
    /// A level's HTML, cut where the open entry's level below goes (`tail` nil when no entry is open).
    private let levels = Mutex<[TreeLevelView: (head: String, tail: String?)]>([:])
    /// Stands for the open entry's level below: no title, URL or template text holds it.
    static let slot = "\u{1}section-tree-below\u{1}"

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The whole tree, the open branches included.
    func html(_ level: TreeLevel) -> String {
        var items = ""
        var below: String?
        var holdsCurrent = false
        for item in level.items {
            if let open = item.open { below = html(open) }
            holdsCurrent = holdsCurrent || item.current
            items += self.item(
                TreeItemView(
                    title: item.title, url: item.url, isSection: item.isSection, current: item.current,
                    open: item.open.map { _ in Self.slot }))
        }
        let view = TreeLevelView(items: items, more: level.more)
        // A level holding the current page is this page's alone: rendered, not kept.
        let parts = holdsCurrent ? Self.cut(render("partials/section-tree", view)) : cachedLevel(view)
        guard let tail = parts.tail else { return parts.head }
        return parts.head + (below ?? "") + tail
    }

    private func cachedLevel(_ view: TreeLevelView) -> (head: String, tail: String?) {
        if let known = levels.withLock({ $0[view] }) { return known }
        let parts = Self.cut(render("partials/section-tree", view))
        levels.withLock { $0[view] = parts }
        return parts
    }

    /// The HTML before and after the slot, once per level rendered rather than a search and replace per page.
    private static func cut(_ html: String) -> (head: String, tail: String?) {
        guard let range = html.range(of: slot) else { return (html, nil) }
        return (String(html[..<range.lowerBound]), String(html[range.upperBound...]))
    }

    private func item(_ view: TreeItemView) -> String {
        view.current ? render("partials/section-tree-item", view) : cached(view, in: items, "partials/section-tree-item")
    }

    private func cached<View: Hashable & Sendable & TemplateScope>(
        _ view: View, in cache: borrowing Mutex<[View: String]>, _ template: String
    ) -> String {
        if let known = cache.withLock({ $0[view] }) { return known }
        let rendered = render(template, view)
        cache.withLock { $0[view] = rendered }
        return rendered
    }

    private func render(_ template: String, _ view: any TemplateScope) -> String {
        templates.render(template, view) ?? ""
    }
}
