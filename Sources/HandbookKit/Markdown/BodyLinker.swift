/// The per-page decisions of the Markdown stage, free of cmark: what a link points to, which words become
/// glossary links, what a heading's id is. `CommonMark` walks the tree and asks this type.
struct BodyLinker {
    /// A piece of a rewritten text node.
    enum Segment: Equatable {
        case text(String)
        case html(String)
    }

    let site: MarkdownSite
    let page: Document
    /// From this page to the site root: "../" for each folder the page's URL is in.
    let root: String
    /// The folder of the page's source under `content/`, which its relative links start from.
    let folder: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var links: Set<ItemID> = []
    private(set) var terms: [String] = []
    private(set) var headings: [RenderedBody.Heading] = []
    private(set) var references: [LinkReference] = []
    private(set) var omittedIDs: Set<String> = []
    private var linkedTerms: Set<String> = []
    private var locator: SourceLocator
    private var headingIDs = HeadingIDs()

    init(site: MarkdownSite, page: Document) {
        self.site = site
        self.page = page
        root = Pagination.root(of: page.id.url)
        folder = PagePath.folder(of: page.source)
        locator = SourceLocator(document: page)
        // The title's heading is the page's <h1>: a later heading of the same text is "-1", as on GitHub.
        if let titleID = page.titleID { headingIDs = HeadingIDs(reserved: HeadingIDs.layoutIDs.union([titleID])) }
    }

    // MARK: Text

    /// Wiki links, then glossary mentions, in one text node; nil when the text stays as it is.
    mutating func rewrite(_ text: String, blockLine: Int, wikiLinks: Bool, glossary: Bool) -> [Segment]? {
        var segments: [Segment] = [.text(text)]
        if wikiLinks {
            let found = WikiLink.scan(text)
            if !found.isEmpty { segments = resolveWikiLinks(found, in: text, blockLine: blockLine) }
        }
        if glossary {
            segments = segments.flatMap { segment -> [Segment] in
                guard case .text(let plain) = segment else { return [segment] }
                return linkMentions(in: plain, blockLine: blockLine)
            }
        }
        return segments == [.text(text)] ? nil : segments
    }

    private mutating func resolveWikiLinks(_ found: [WikiLink], in text: String, blockLine: Int) -> [Segment] {
        var segments: [Segment] = []
        var cursor = text.startIndex
        for link in found {
            if cursor < link.range.lowerBound { segments.append(.text(String(text[cursor..<link.range.lowerBound]))) }
            cursor = link.range.upperBound
            let written = String(text[link.range])
            let matches = site.names.resolve(link.target)
            guard let id = matches.first else {
                let hint = site.names.suggestion(for: link.target, kinds: Kind.allCases)
                diagnostics.append(
                    .error(
                        "unknown-link-target", at: locator.locate(written, fromBodyLine: blockLine),
                        "'\(written)' links to nothing: no page has the slug, title or alias '\(link.target)'\(hint)"))
                segments.append(.text(link.label ?? link.target))
                continue
            }
            if matches.count > 1 {
                let choices = matches.map(\.description).joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        "ambiguous-link", at: locator.locate(written, fromBodyLine: blockLine),
                        "'\(written)' could mean \(choices); linking \(id). Use a slug to choose"))
            }
            let label = link.label ?? site.content.document(id)?.title.value ?? link.target
            segments.append(.html(anchor(to: id, label: label)))
        }
        if cursor < text.endIndex { segments.append(.text(String(text[cursor...]))) }
        return segments
    }

    /// Links the first mention of each term on the page; later mentions stay plain.
    private mutating func linkMentions(in text: String, blockLine: Int) -> [Segment] {
        var segments: [Segment] = []
        var cursor = text.startIndex
        for match in site.matcher.matches(in: text) {
            let slug = site.matcherTerms[match.term]
            let id = ItemID(.term, slug)
            guard slug != page.slug || page.kind != .term, !linkedTerms.contains(slug) else { continue }
            let written = String(text[match.range])
            if !site.sharedNames.isEmpty, site.sharedNames.contains(NameIndex.key(written)) {
                let owners = site.names.resolve(written).map(\.description).joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        "ambiguous-mention", at: locator.locate(written, fromBodyLine: blockLine),
                        "'\(written)' could mean \(owners); linking the term. Write [[slug]] to choose"))
            }
            if cursor < match.range.lowerBound { segments.append(.text(String(text[cursor..<match.range.lowerBound]))) }
            segments.append(.html(anchor(to: id, label: written)))
            cursor = match.range.upperBound
        }
        if cursor < text.endIndex { segments.append(.text(String(text[cursor...]))) }
        return segments
    }

    /// An `<a>` to an item; a term link carries its definition for the tooltip and for screen readers.
    private mutating func anchor(to id: ItemID, label: String) -> String {
        links.insert(id)
        let href = HTML.escape(root + id.url)
        guard id.kind == .term, let tip = site.tips[id.slug] else {
            return "<a href=\"\(href)\">\(HTML.escape(label))</a>"
        }
        if linkedTerms.insert(id.slug).inserted { terms.append(id.slug) }
        return "<a class=\"term-link\" href=\"\(href)\" data-tip=\"\(tip)\" aria-describedby=\"tip-\(id.slug)\">"
            + "\(HTML.escape(label))</a>"
    }

    // MARK: Links

    /// The URL to render for a link or image: `.md` files become page URLs, unsafe schemes become "", anything
    /// else stays as written. Every relative target is checked: a page or a content file now, a `#fragment` or a
    /// generated page once all pages exist (`references`).
    mutating func rewriteURL(_ url: String, isImage: Bool, blockLine: Int) -> String? {
        if URLSafety.isDangerous(url) { return "" }
        guard let reference = URLSafety.localReference(url) else { return nil }
        if reference.path.isEmpty {
            if reference.fragment != nil { refer(to: .page(page.id), reference, url, isImage: isImage, blockLine: blockLine) }
            return nil
        }
        let noun = isImage ? "image from" : "link to"
        // "/images/chart.png" is read from the content folder, as Hugo reads static/: written relative to the
        // page, it then works from disk and under any sub-path too.
        let base = reference.path.hasPrefix("/") || folder.isEmpty ? "" : folder + "/"
        guard let resolved = URLSafety.normalize(base + reference.path) else {
            diagnostics.append(
                .error(
                    "missing-file", at: locator.locateURL(url, fromBodyLine: blockLine),
                    "\(noun) '\(url)', which is outside the content folder"))
            return nil
        }
        if reference.path.lowercased().hasSuffix(".md") {
            guard let id = site.files[resolved] ?? site.keys[PagePath.key(forSource: resolved)] else {
                if site.drafts.contains(resolved) {
                    diagnostics.append(
                        .error(
                            "link-to-draft", at: locator.locateURL(url, fromBodyLine: blockLine),
                            "\(noun) '\(url)', a draft, which is built only with --drafts; publish it (draft: false) or drop the link"))
                    return nil
                }
                let hint = Suggestion.suffix(
                    for: reference.path,
                    in: site.files.keys.map { base.isEmpty && !folder.isEmpty ? "/" + $0 : PagePath.relative(from: folder, to: $0) })
                diagnostics.append(
                    .error("missing-file", at: locator.locateURL(url, fromBodyLine: blockLine), "\(noun) a missing file '\(url)'\(hint)"))
                return nil
            }
            return link(to: id, reference, url, isImage: isImage, blockLine: blockLine)
        }
        // Written from the site root like page links, so the body works wherever it is shown (the print page
        // at the root too); files keep their content path under the output.
        let rebased = root + URLSafety.encodePath(resolved) + reference.suffix
        if site.assets.contains(resolved) { return rebased }
        if let id = site.pages[resolved] { return link(to: id, reference, url, isImage: isImage, blockLine: blockLine) }
        // A folder ("../hiring/", "./") goes to its section's page; a page named without ".md" (GitHub wikis) to the page.
        let section = PagePath.sectionKey(forFolder: resolved)
        if let id = site.keys[section.isEmpty ? "index" : section + "/index"] ?? site.keys[PagePath.key(forSource: resolved)] {
            return link(to: id, reference, url, isImage: isImage, blockLine: blockLine)
        }
        if site.sections.contains(section) {
            return root + (section.isEmpty ? "index.html" : section + "/index.html") + reference.suffix
        }
        let isFolder = reference.path.hasSuffix("/") || resolved.isEmpty
        let target = isFolder ? (resolved.isEmpty ? "index.html" : resolved + "/index.html") : resolved
        refer(to: .output(target), reference, url, isImage: isImage, blockLine: blockLine)
        // From disk a folder's URL does not open its index.html: name the file.
        return isFolder ? root + URLSafety.encodePath(target) + reference.suffix : rebased
    }

    /// A link to an item's page, with its fragment checked once every page is rendered.
    private mutating func link(
        to id: ItemID, _ reference: URLSafety.LocalReference, _ url: String, isImage: Bool, blockLine: Int
    ) -> String {
        links.insert(id)
        if reference.fragment != nil { refer(to: .page(id), reference, url, isImage: isImage, blockLine: blockLine) }
        return root + id.url + reference.suffix
    }

    private mutating func refer(
        to target: LinkReference.Target, _ reference: URLSafety.LocalReference, _ url: String, isImage: Bool, blockLine: Int
    ) {
        references.append(
            LinkReference(
                target: target, fragment: reference.fragment, written: url, isImage: isImage, from: page.id,
                location: locator.locateURL(url, fromBodyLine: blockLine)))
    }

    /// Raw HTML the page may carry (`unsafe_html: true`): its `href` and `src` resolve like Markdown's links, so
    /// `<a href="../process/intro.md">` reaches the page and a missing file is an error at its line. Nil when nothing
    /// changes.
    mutating func rewriteRawHTML(_ html: String, blockLine: Int) -> String? {
        guard html.contains("href") || html.contains("src") else { return nil }
        let bytes = Array(html.utf8)
        var values: [(range: Range<Int>, isSource: Bool)] = []
        HTMLAttributes.forEach(in: bytes, named: ["href", "src"]) { which, range in values.append((range, which == 1)) }
        var out: [UInt8] = []
        var copied = 0
        for (range, isSource) in values {
            let written = String(decoding: bytes[range], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
            guard let rewritten = rewriteURL(written, isImage: isSource, blockLine: blockLine) else { continue }
            out += bytes[copied..<range.lowerBound]
            out += Array(HTML.escape(rewritten).utf8)
            copied = range.upperBound
        }
        guard copied > 0 else { return nil }
        return String(decoding: out + bytes[copied...], as: UTF8.self)
    }

    /// Raw HTML the page may not carry: its anchors (`<a id="old-heading">`) are gone too, which a broken
    /// `#fragment` then explains.
    mutating func omitRawHTML(_ html: String) {
        if html.contains("id=") || html.contains("name=") { omittedIDs.formUnion(HTMLIDs.scan(html)) }
    }

    // MARK: Headings

    /// The id of a heading with this text; h2 and h3 enter the table of contents.
    mutating func headingID(level: Int, text: String) -> String {
        let id = headingIDs.make(for: text)
        if level == 2 || level == 3 { headings.append(RenderedBody.Heading(level: level, text: text, id: id)) }
        return id
    }
}

extension SourceLocation {
    func shifted(by columns: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column + columns)
    }
}
