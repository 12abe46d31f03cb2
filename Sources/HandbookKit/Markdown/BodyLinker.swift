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
    /// From this page to the site root: every content page sits one folder down.
    let root = "../"
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var links: Set<ItemID> = []
    private(set) var terms: [String] = []
    private(set) var headings: [RenderedBody.Heading] = []
    private var linkedTerms: Set<String> = []
    private var locator: SourceLocator
    private var headingIDs = HeadingIDs()

    init(site: MarkdownSite, page: Document) {
        self.site = site
        self.page = page
        locator = SourceLocator(document: page)
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
            if site.sharedNames.contains(NameIndex.key(written)) {
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
        guard id.kind == .term, let summary = site.content.document(id)?.summary else {
            return "<a href=\"\(href)\">\(HTML.escape(label))</a>"
        }
        if linkedTerms.insert(id.slug).inserted { terms.append(id.slug) }
        return "<a class=\"term-link\" href=\"\(href)\" data-tip=\"\(HTML.escape(summary))\" aria-describedby=\"tip-\(id.slug)\">"
            + "\(HTML.escape(label))</a>"
    }

    // MARK: Links

    /// The URL to render for a Markdown link: `.md` files become page URLs, unsafe schemes become "".
    mutating func rewriteURL(_ url: String, blockLine: Int) -> String? {
        if URLSafety.isDangerous(url) { return "" }
        guard let (path, fragment) = URLSafety.localMarkdownPath(url) else { return nil }
        let folder = page.kind.folder
        guard let resolved = URLSafety.normalize(folder + "/" + path), let id = site.files[resolved] else {
            let hint =
                Suggestion.closest(to: path, in: site.files.keys.map { relative(from: folder, to: $0) })
                .map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(
                .error(
                    "missing-file", at: locator.locate("(\(url)", fromBodyLine: blockLine).shifted(by: 1),
                    "link to a missing file '\(url)'\(hint)"))
            return nil
        }
        links.insert(id)
        return root + id.url + fragment
    }

    private func relative(from folder: String, to path: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : "../" + path
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
