/// A long list split into pages of `size` items, so no list page grows with the site. The first page keeps
/// the list's own path; the others go in a folder beside it: `articles/index.html`, `articles/page/2.html`;
/// `tags/python.html`, `tags/python/2.html` (a folder never collides with a page, whatever the slugs).
struct Pagination: Sendable {
    static let size = 100

    struct Page: Sendable {
        /// 0-based.
        var index: Int
        var path: String
        var range: Range<Int>
    }

    let pages: [Page]

    init(first: String, count: Int, size: Int = Pagination.size) {
        let folder =
            first.hasSuffix("/index.html")
            ? String(first.dropLast("index.html".count)) + "page/" : String(first.dropLast(".html".count)) + "/"
        let pageCount = max(1, (count + size - 1) / size)
        pages = (0..<pageCount).map { index in
            Page(
                index: index, path: index == 0 ? first : "\(folder)\(index + 1).html",
                range: index * size..<min(count, (index + 1) * size))
        }
    }

    /// The relative path from the output root to the folder of `path`, as the layout's `root`.
    static func root(of path: String) -> String {
        let depth = path.utf8.count { $0 == UInt8(ascii: "/") }
        return depth < roots.count ? roots[depth] : String(repeating: "../", count: depth)
    }

    /// `root(of:)` for the depths pages have: every page and link asks, and the answer is one of a few.
    private static let roots = (0..<16).map { String(repeating: "../", count: $0) }

    /// Links between the pages, for page `index`; nil when the list fits on one page.
    func view(at index: Int) -> PagerView? {
        guard pages.count > 1 else { return nil }
        let root = Self.root(of: pages[index].path)
        func link(_ page: Page) -> LinkView { LinkView(title: "Page \(page.index + 1)", url: root + page.path) }
        return PagerView(
            previous: index > 0 ? link(pages[index - 1]) : nil, next: index + 1 < pages.count ? link(pages[index + 1]) : nil,
            pages: pages.map { NavItem(title: "\($0.index + 1)", url: root + $0.path, current: $0.index == index) },
            label: "Page \(index + 1) of \(pages.count)")
    }
}
