import Synchronization

/// The partials `layout.mustache` includes on a line of their own outside any section (the header, the footer,
/// the script tags) are rendered once per distinct value of the layout fields they name, not once per page: as
/// Hugo's `partialCached`, but keyed by what the partial reads, so an edit that makes it read a page's own field
/// (`{{pageTitle}}`) is still rendered for every page, correctly.
///
/// The layout is parsed with each such include replaced by `{{{handbook-partial-N}}}` and a comment that keeps
/// the line break in its place (the include's line was standalone, so its break was never output, and line
/// numbers stay the author's). Only includes followed by a line without tags are replaced: the line after keeps
/// its standalone rules. A layout that changes delimiters is left as it is.
struct LayoutPartials: Sendable {
    struct Include: Sendable {
        /// The name the rewritten layout reads.
        var field: String
        /// The partial's template name, e.g. "partials/header".
        var partial: String
        /// The names the partial (and the partials it includes) reads: its cache key is their values.
        var names: [String]
    }

    /// Outputs kept at most, over all the layout's partials.
    static let keptOutputs = 256

    let includes: [Include]
    /// The layout's text with the includes replaced.
    let layout: String
    private let rendered = Cache()

    private final class Cache: Sendable {
        let outputs = Mutex<[String: String]>([:])
    }

    /// The plan for a layout and the templates it may include; nil when no include can be cached.
    init?(layout text: String, sources: [String: String]) {
        guard let tags = Self.tags(in: text) else { return nil }
        var includes: [Include] = []
        var replaced: [(range: Range<String.Index>, field: String)] = []
        var depth = 0
        for tag in tags {
            switch tag.sigil {
            case "#", "^": depth += 1
            case "/": depth -= 1
            case ">" where depth == 0:
                guard Self.standsAlone(tag.range, in: text, tags: tags), let names = Self.names(of: tag.name, in: sources) else { continue }
                let field = "handbook-partial-\(includes.count)"
                includes.append(Include(field: field, partial: tag.name, names: names))
                replaced.append((tag.range.lowerBound..<text.index(after: tag.range.upperBound), field))
            default: break
            }
        }
        guard !includes.isEmpty else { return nil }
        var layout = text
        for (range, field) in replaced.reversed() { layout.replaceSubrange(range, with: "{{{\(field)}}}{{!\n}}") }
        self.includes = includes
        self.layout = layout
    }

    /// The layout's view with every cached include's output, rendering each the first time its key is seen.
    func view(_ layout: LayoutView, render: (String, LayoutView) -> String?) -> LayoutWithPartials {
        var outputs: [String: String] = [:]
        for include in includes {
            var key = include.partial
            for name in include.names { Self.appendKey(of: layout.value(named: name), to: &key) }
            if let output = rendered.outputs.withLock({ $0[key] }) {
                outputs[include.field] = output
            } else {
                let output = render(include.partial, layout) ?? ""
                // A partial that reads what differs on every page (`{{pageTitle}}`, `{{{main}}}`) is rendered for
                // every page as before, and its outputs are not kept: the cache stays a few entries.
                rendered.outputs.withLock { if $0.count < Self.keptOutputs { $0[key] = output } }
                outputs[include.field] = output
            }
        }
        return LayoutWithPartials(layout: layout, partials: outputs)
    }

    /// Adds a layout value to a cache key, length-prefixed so that different values never give the same key.
    /// The layout's own types are written directly: `String(reflecting:)` walks values through `Mirror` and was
    /// 4% of a 10,000-article build for the navigation alone.
    private static func appendKey(of value: TemplateValue?, to key: inout String) {
        func text(_ string: String) { key += "\(string.utf8.count):\(string)" }
        switch value {
        case nil: key += "n"
        case .text(let string)?:
            key += "s"
            text(string)
        case .number(let number)?: key += "i\(number);"
        case .flag(let flag)?: key += flag ? "t" : "f"
        case .list(let items as [NavItem])?:
            key += "a\(items.count)"
            for item in items {
                text(item.title)
                text(item.url)
                key += item.current ? "t" : "f"
            }
        case let other?:
            key += "r"
            text(String(reflecting: other.mustacheValue))
        }
    }

    // MARK: Reading templates

    private struct Tag {
        var sigil: Character?
        var name: String
        /// From "{{" to the last "}".
        var range: Range<String.Index>
    }

    /// The tags of a template in order; nil when it changes delimiters (`{{=<% %>=}}`).
    private static func tags(in text: String) -> [Tag]? {
        var tags: [Tag] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            let triple = rest[open.upperBound...].hasPrefix("{")
            let start = triple ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[start...].range(of: triple ? "}}}" : "}}") else { break }
            var content = rest[start..<close.lowerBound].drop(while: \.isWhitespace)
            var sigil: Character? = triple ? "&" : nil
            if !triple, let first = content.first, "#^/&!>%=".contains(first) {
                sigil = first
                content = content.dropFirst().drop(while: \.isWhitespace)
            }
            if sigil == "=" { return nil }
            tags.append(
                Tag(
                    sigil: sigil, name: String(content.reversed().drop(while: \.isWhitespace).reversed()),
                    range: open.lowerBound..<close.upperBound))
            rest = rest[close.upperBound...]
        }
        return tags
    }

    /// Whether the tag is alone on its line, at its start, its line ends in "\n", and the next line has no tag.
    private static func standsAlone(_ range: Range<String.Index>, in text: String, tags: [Tag]) -> Bool {
        guard range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == "\n",
            range.upperBound < text.endIndex, text[range.upperBound] == "\n"
        else { return false }
        let next = text.index(after: range.upperBound)
        let lineEnd = text[next...].firstIndex(of: "\n") ?? text.endIndex
        return !tags.contains { $0.range.lowerBound >= next && $0.range.lowerBound < lineEnd }
    }

    /// The first part of every name a partial reads, through the partials it includes; nil when it reads the
    /// whole context (`{{.}}`) or changes delimiters.
    private static func names(of partial: String, in sources: [String: String], seen: Set<String> = []) -> [String]? {
        guard !seen.contains(partial), let text = sources[partial], let tags = tags(in: text) else {
            return seen.contains(partial) ? [] : nil
        }
        var names: Set<String> = []
        for tag in tags {
            switch tag.sigil {
            case "!", "%": continue
            case ">":
                guard let inner = Self.names(of: tag.name, in: sources, seen: seen.union([partial])) else { return nil }
                names.formUnion(inner)
            default:
                // A transform, `empty(tags)`, reads its argument; a dotted name, its first part.
                var name = Substring(tag.name)
                if let open = name.lastIndex(of: "(") { name = name[name.index(after: open)...].prefix { $0 != ")" } }
                guard let first = name.split(separator: ".", omittingEmptySubsequences: false).first, !first.isEmpty else { return nil }
                names.insert(String(first))
            }
        }
        return names.sorted()
    }
}

/// The layout's view with the outputs of its cached partials.
struct LayoutWithPartials: Sendable {
    var layout: LayoutView
    var partials: [String: String]
}
