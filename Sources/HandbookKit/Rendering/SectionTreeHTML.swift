import Synchronization

/// The section tree's HTML, from `partials/section-tree` (one level) and `partials/section-tree-item` (one entry).
///
/// The tree of a page is its levels from the top down, each rendered with `slot` in place of the level below it and
/// cut there: the heads in order, then the tails in reverse. A level that holds no current entry looks the same on
/// every page under it, so it is rendered once and kept by where it is (its section, the entry the branch goes
/// through, the path to the root), and a page costs one render of its own level, whose other entries are kept too.
/// At 10,000 nested pages this took a third of the pages stage when every level was built and hashed per page.
///
/// Keys name entries, not their titles: a renderer's content keeps its titles and URLs (`Build.update` scopes only
/// edits that change neither), and a new build makes a new renderer.
final class SectionTreeHTML: Sendable {
    /// A level rendered and cut where the open entry's level goes (`tail` nil when no entry is open).
    struct Parts: Sendable {
        var head: String
        var tail: String?
    }

    /// A level that holds no current entry: the same on every page that shows it.
    struct LevelKey: Sendable, Hashable {
        var section: String
        var through: SectionTree.Entry?
        var root: String
    }

    /// An entry that is not the current one.
    struct ItemKey: Sendable, Hashable {
        var entry: SectionTree.Entry
        var root: String
        var open: Bool
    }

    private let templates: TemplateSet
    private let items = Mutex<[ItemKey: String]>([:])
    private let levels = Mutex<[LevelKey: Parts]>([:])
    /// Stands for the open entry's level below: no title, URL or template text holds it.
    static let slot = "\u{1}section-tree-below\u{1}"

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The tree from its levels, the top first.
    static func join(_ levels: [Parts]) -> String {
        var html = ""
        for level in levels { html += level.head }
        for level in levels.reversed() { html += level.tail ?? "" }
        return html
    }

    /// A level, kept under `key` when it has one; `make` gives its view, its entries already rendered. Only a level
    /// with an `open` entry holds the slot.
    func level(_ key: LevelKey?, open: Bool, _ make: () -> TreeLevelView) -> Parts {
        cached(key, in: levels) {
            let html = render("partials/section-tree", make())
            return open ? Self.cut(html) : Parts(head: html, tail: nil)
        }
    }

    /// An entry, kept under `key` when it has one (any entry but the current one).
    func item(_ key: ItemKey?, _ make: () -> TreeItemView) -> String {
        cached(key, in: items) { render("partials/section-tree-item", make()) }
    }

    private func cached<Key: Hashable & Sendable, Value: Sendable>(
        _ key: Key?, in cache: borrowing Mutex<[Key: Value]>, _ make: () -> Value
    ) -> Value {
        guard let key else { return make() }
        if let known = cache.withLock({ $0[key] }) { return known }
        let made = make()
        cache.withLock { $0[key] = made }
        return made
    }

    /// The HTML before and after the slot, found byte by byte (it starts with U+0001, which nothing else writes).
    static func cut(_ html: String) -> Parts {
        let slotBytes = Array(slot.utf8)
        let utf8 = html.utf8
        var from = utf8.startIndex
        while let start = utf8[from...].firstIndex(of: slotBytes[0]) {
            if let end = utf8.index(start, offsetBy: slotBytes.count, limitedBy: utf8.endIndex),
                utf8[start..<end].elementsEqual(slotBytes)
            {
                return Parts(head: String(html[..<start]), tail: String(html[end...]))
            }
            from = utf8.index(after: start)
        }
        return Parts(head: html, tail: nil)
    }

    private func render(_ template: String, _ view: any TemplateScope) -> String {
        templates.render(template, view) ?? ""
    }
}
