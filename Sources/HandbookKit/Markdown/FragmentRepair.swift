/// A link to a `#fragment` that names no heading or id on its page: `LinkTargets` warns about it at its line, and the
/// output links to the page itself instead (or to the id the fragment names in another case, `#FAQ` for `faq`), as a
/// browser would land anyway: every link of the published site resolves, files and fragments.
struct FragmentRepair: Sendable, Hashable {
    var target: ItemID
    /// As written, percent-decoded.
    var fragment: String
    /// The id to link instead; nil for the top of the page.
    var replacement: String?

    /// `html`, the body of `page`, with the `href` of each repaired link rewritten.
    static func apply(_ repairs: [FragmentRepair], to html: String, of page: ItemID) -> String {
        guard !repairs.isEmpty else { return html }
        let root = Pagination.root(of: page.url)
        var byURL: [String: [String: FragmentRepair]] = [:]
        for repair in repairs {
            byURL[HTML.escape(root + repair.target.url), default: [:]][repair.fragment] = repair
            // A page's link to itself may be written "#x" alone.
            if repair.target == page { byURL["", default: [:]][repair.fragment] = repair }
        }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "href=\"") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = rest[..<close]
            rest = rest[close...]
            guard let hash = value.firstIndex(of: "#"),
                let repair = byURL[String(value[..<hash])]?[decoded(value[value.index(after: hash)...])]
            else {
                out += value
                continue
            }
            let path = value[..<hash]
            out += path
            if let replacement = repair.replacement {
                out += "#" + HTML.escape(replacement)
            } else if path.isEmpty {
                out += "#"
            }
        }
        return out + rest
    }

    /// A fragment as the href carries it (HTML-escaped, percent-encoded), as written.
    private static func decoded(_ fragment: Substring) -> String {
        URLSafety.localReference("#" + fragment.replacingOccurrences(of: "&amp;", with: "&"))?.fragment ?? String(fragment)
    }
}
