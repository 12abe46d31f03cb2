/// The fragment targets in HTML: `id="..."` attributes, and `name="..."` (old-style `<a name>` anchors) when asked.
enum HTMLIDs {
    /// Values of `id` and `name` attributes, quoted with `"` or `'`; values holding a Mustache tag are skipped.
    static func scan(_ html: String, names: Bool = true) -> Set<String> {
        var ids = Set<String>()
        let bytes = Array(html.utf8)
        HTMLAttributes.forEach(in: bytes, named: names ? ["id", "name"] : ["id"]) { _, range in
            let value = String(decoding: bytes[range], as: UTF8.self)
            if !value.isEmpty && !value.contains("{{") { ids.insert(HTML.text(value)) }
        }
        return ids
    }
}
