/// Where a page's source file puts it: the folders are sections, the names are slugged for URLs.
///
/// `People_Ops/hiring/hm_intro_call.md` is the page `people-ops/hiring/hm-intro-call`, published at
/// `people-ops/hiring/hm-intro-call.html`; a folder's `index.md`, `README.md` or `_index.md` is its section page,
/// `people-ops/hiring/index`. Slugging keeps the depth, so a page's relative links to files beside its source
/// (`img/chart.png`) keep working from its URL.
public enum PagePath {
    /// The page's key (its `ItemID` slug) for a content-relative Markdown path.
    public static func key(forSource source: String) -> String {
        var parts = source.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let file = parts.popLast() else { return "index" }
        let stem = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        let folders = parts.map(component)
        let name = isIndex(stem) ? "index" : component(stem)
        return (folders + [name]).joined(separator: "/")
    }

    /// `key(forSource:)` for many files at once: each folder's key is made once, not once per file in it (10,000 pages in
    /// 1,250 folders five deep).
    public struct SectionKeys {
        private var folders: [Substring: String] = [:]

        public init() {}

        public mutating func key(forSource source: String) -> String {
            guard let slash = source.lastIndex(of: "/") else { return PagePath.key(forSource: source) }
            let folder = source[..<slash]
            let section: String
            if let known = folders[folder] {
                section = known
            } else {
                section = PagePath.sectionKey(forFolder: String(folder))
                folders[folder] = section
            }
            let file = source[source.index(after: slash)...]
            guard !file.isEmpty, !section.isEmpty else { return PagePath.key(forSource: source) }
            let stem = file.hasSuffix(".md") ? String(file.dropLast(3)) : String(file)
            return section + "/" + (PagePath.isIndex(stem) ? "index" : PagePath.component(stem))
        }
    }

    /// The key of the section (folder) `folder`, content-relative: `People_Ops/hiring` -> `people-ops/hiring`.
    public static func sectionKey(forFolder folder: String) -> String {
        folder.split(separator: "/").map { component(String($0)) }.joined(separator: "/")
    }

    /// `index`, `README` and Hugo's `_index`, in any case: the page of the folder they are in.
    public static func isIndex(_ stem: String) -> Bool {
        switch stem.lowercased() {
        case "index", "readme", "_index": true
        default: false
        }
    }

    /// One folder or file name for a URL: "hm_intro_call" -> "hm-intro-call". A name with no ASCII letter or digit
    /// ("日本語") keeps its letters, lowercased, with hyphens for spaces: a URL may hold them, and an empty name may not.
    public static func component(_ name: String) -> String {
        let slug = Slug.make(from: name)
        if !slug.isEmpty { return slug }
        let kept = name.lowercased().split { $0.isWhitespace || $0 == "/" || $0 == "#" || $0 == "?" || $0 == "%" }
        return kept.isEmpty ? "page" : kept.joined(separator: "-")
    }

    /// The folder part of a key or path: "a/b/c" -> "a/b", "c" -> "".
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last part of a key or path: "a/b/c" -> "c".
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

extension PagePath {
    /// The path from the folder `folder` to `path`, both under the same root: ("a/b", "a/c/d.md") -> "../c/d.md".
    public static func relative(from folder: String, to path: String) -> String {
        let from = folder.split(separator: "/")
        let to = path.split(separator: "/")
        var common = 0
        while common < from.count && common < to.count - 1 && from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }
}
