internal import CCmarkGFM
import Foundation

/// The one owner of cmark-gfm pointers: parse, transform and render in one scope, freed on the way out.
///
/// No cmark type leaves this file. The decisions (link targets, glossary mentions, heading ids) are
/// `BodyLinker`'s; this file only walks the tree and splices nodes.
enum CommonMark {
    /// GFM extensions, registered once per process.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm 0.29 keeps its table of special inline characters in a process-wide global that every
    /// parse with extensions writes (github/cmark-gfm PR #176, never merged): two parses at once misread
    /// autolinks and strikethrough. Parsing is therefore serialised; transforming and rendering run in parallel.
    private static let parsing = NSLock()

    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
    /// Our tree is sanitised before rendering (author HTML replaced, dangerous URLs emptied),
    /// so it renders unsafe to let the stage's own HTML nodes through.
    private static let renderOptions = CMARK_OPT_UNSAFE

    /// Renders one page body with links, glossary mentions and heading anchors.
    static func render(_ document: Document, site: MarkdownSite) -> RenderedBody {
        var linker = BodyLinker(site: site, page: document)
        let html = withParsedTree(document.body) { root, extensions in
            transform(root, linker: &linker)
            return renderHTML(root, options: renderOptions, extensions: extensions)
        }
        return RenderedBody(
            html: html, headings: linker.headings, links: linker.links, terms: linker.terms,
            diagnostics: linker.diagnostics, references: linker.references, omittedIDs: linker.omittedIDs)
    }

    /// What the library alone renders for `markdown`, safe mode, with the same extensions:
    /// the reference of the conformance test.
    static func referenceHTML(_ markdown: String) -> String {
        withParsedTree(markdown) { root, extensions in
            renderHTML(root, options: CMARK_OPT_DEFAULT, extensions: extensions)
        }
    }

    // MARK: Parse and render

    private static func withParsedTree<T>(_ markdown: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        _ = registered
        guard let parser = cmark_parser_new(parseOptions) else { fatalError("cmark_parser_new failed: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        parsing.lock()
        // Every byte, NULs included (cmark turns them into U+FFFD); strlen would end the page at the first NUL.
        var markdown = markdown
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let parsed = cmark_parser_finish(parser)
        parsing.unlock()
        guard let root = parsed else { fatalError("cmark_parser_finish failed: out of memory") }
        defer { cmark_node_free(root) }
        return body(root, cmark_parser_get_syntax_extensions(parser))
    }

    private static func renderHTML(_ node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let buffer = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    // MARK: Transform

    private struct Visit {
        var node: OpaquePointer
        var type: cmark_node_type
        /// Inside a link or image: no links may be added.
        var inLink: Bool
        var inHeading: Bool
        /// Between an inline raw HTML opening tag and its closing tag, e.g. `<span>here</span>`.
        var inRawHTML: Bool
    }

    private static func transform(_ root: OpaquePointer, linker: inout BodyLinker) {
        let visits = collect(root)
        for visit in visits {
            switch visit.type {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !linker.site.unsafeHTML {
                    linker.omitRawHTML(string(cmark_node_get_literal(visit.node)))
                    cmark_node_set_literal(visit.node, "<!-- raw HTML omitted -->")
                } else if let rewritten = linker.rewriteRawHTML(
                    string(cmark_node_get_literal(visit.node)), blockLine: blockLine(of: visit.node))
                {
                    cmark_node_set_literal(visit.node, rewritten)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = string(cmark_node_get_url(visit.node))
                let rewritten = linker.rewriteURL(url, isImage: visit.type == CMARK_NODE_IMAGE, blockLine: blockLine(of: visit.node))
                if let rewritten { cmark_node_set_url(visit.node, rewritten) }
            default:
                if isTable(visit.node) { wrapTable(visit.node) }
            }
        }
        var merged = Set<OpaquePointer>()
        for visit in visits where visit.type == CMARK_NODE_TEXT && !merged.contains(visit.node) {
            mergeFollowingTexts(into: visit.node, merged: &merged)
            let text = string(cmark_node_get_literal(visit.node))
            let segments = linker.rewrite(
                text, blockLine: blockLine(of: visit.node), wikiLinks: !visit.inLink && !visit.inRawHTML,
                glossary: !visit.inLink && !visit.inHeading && !visit.inRawHTML)
            if let segments { replace(visit.node, with: segments) }
        }
        for visit in visits where visit.type == CMARK_NODE_HEADING {
            anchorHeading(visit.node, linker: &linker)
        }
    }

    /// Every node in document order, with what encloses it. Collected first: the tree changes afterwards.
    private static func collect(_ root: OpaquePointer) -> [Visit] {
        var visits: [Visit] = []
        guard let iterator = cmark_iter_new(root) else { return visits }
        defer { cmark_iter_free(iterator) }
        var linkDepth = 0
        var headingDepth = 0
        var rawHTMLDepth: [OpaquePointer: Int] = [:]
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let parent = cmark_node_parent(node)
            if type == CMARK_NODE_HTML_INLINE, let parent {
                rawHTMLDepth[parent, default: 0] += RawHTMLTag.depthChange(string(cmark_node_get_literal(node)))
            }
            let isLink = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
            if event == CMARK_EVENT_EXIT {
                if isLink { linkDepth -= 1 }
                if type == CMARK_NODE_HEADING { headingDepth -= 1 }
                continue
            }
            let inRawHTML = parent.map { (rawHTMLDepth[$0] ?? 0) > 0 } ?? false
            visits.append(Visit(node: node, type: type, inLink: linkDepth > 0, inHeading: headingDepth > 0, inRawHTML: inRawHTML))
            // Leaf nodes get no exit event.
            if isLink && cmark_node_first_child(node) != nil { linkDepth += 1 }
            if type == CMARK_NODE_HEADING && cmark_node_first_child(node) != nil { headingDepth += 1 }
        }
        return visits
    }

    /// cmark splits prose at brackets and entities; names like "Weights & Biases" need it whole.
    private static func mergeFollowingTexts(into node: OpaquePointer, merged: inout Set<OpaquePointer>) {
        var text = string(cmark_node_get_literal(node))
        var changed = false
        while let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_TEXT {
            text += string(cmark_node_get_literal(next))
            merged.insert(next)
            cmark_node_unlink(next)
            cmark_node_free(next)
            changed = true
        }
        if changed { cmark_node_set_literal(node, text) }
    }

    private static func replace(_ node: OpaquePointer, with segments: [BodyLinker.Segment]) {
        for segment in segments {
            let created: OpaquePointer?
            switch segment {
            case .text(let text):
                created = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(created, text)
            case .html(let html):
                created = cmark_node_new(CMARK_NODE_HTML_INLINE)
                cmark_node_set_literal(created, html)
            }
            if let created { cmark_node_insert_before(node, created) }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Replaces a heading with the same HTML plus an id and a self-link.
    private static func anchorHeading(_ node: OpaquePointer, linker: inout BodyLinker) {
        let level = Int(cmark_node_get_heading_level(node))
        let rendered = renderHTML(node, options: renderOptions, extensions: nil)
        // "<h2>inner</h2>\n" -> inner
        guard let open = rendered.firstIndex(of: ">"), let close = rendered.range(of: "</h", options: .backwards) else { return }
        let inner = String(rendered[rendered.index(after: open)..<close.lowerBound])
        let text = HTML.text(inner)
        let id = HTML.escape(linker.headingID(level: level, text: text))
        let html =
            "<h\(level) id=\"\(id)\">\(inner)<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section: "
            + "\(HTML.escape(text))\">#</a></h\(level)>"
        guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(block, html)
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// GFM tables are an extension's node type, known by name only.
    private static func isTable(_ node: OpaquePointer) -> Bool {
        guard let name = cmark_node_get_type_string(node) else { return false }
        return strcmp(name, "table") == 0
    }

    /// Puts a table in a box that scrolls sideways on its own, so a wide table never widens the page.
    private static func wrapTable(_ node: OpaquePointer) {
        guard let open = cmark_node_new(CMARK_NODE_HTML_BLOCK), let close = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(open, "<div class=\"table-wrap\">")
        cmark_node_set_literal(close, "</div>")
        cmark_node_insert_before(node, open)
        cmark_node_insert_after(node, close)
    }

    /// The body line of the nearest enclosing block that knows its line (inline nodes often do not).
    private static func blockLine(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 0
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
