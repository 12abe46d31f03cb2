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
        // On bytes: Foundation's substring search was most of the fragments stage on a wiki with hundreds of them.
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        HTMLAttributes.forEach(in: bytes, named: ["href"]) { _, value in
            guard let hash = bytes[value].firstIndex(of: UInt8(ascii: "#")),
                let repair = byURL[String(decoding: bytes[value.lowerBound..<hash], as: UTF8.self)]?[
                    decoded(Substring(String(decoding: bytes[(hash + 1)..<value.upperBound], as: UTF8.self)))]
            else { return }
            out += bytes[copied..<hash]
            if let replacement = repair.replacement {
                out += Array(("#" + HTML.escape(replacement)).utf8)
            } else if hash == value.lowerBound {
                out.append(UInt8(ascii: "#"))
            }
            copied = value.upperBound
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// A fragment as the href carries it (HTML-escaped, percent-encoded), as written.
    private static func decoded(_ fragment: Substring) -> String {
        URLSafety.localReference("#" + fragment.replacingOccurrences(of: "&amp;", with: "&"))?.fragment ?? String(fragment)
    }
}
