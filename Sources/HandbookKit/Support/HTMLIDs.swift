/// The fragment targets in HTML: `id="..."` attributes, and `name="..."` (old-style `<a name>` anchors) when asked.
enum HTMLIDs {
    /// Values of `id` and `name` attributes, quoted with `"` or `'`; values holding a Mustache tag are skipped.
    /// A byte scan: attribute-like text in prose is escaped (`&quot;`), so only real attributes match.
    static func scan(_ html: String, names: Bool = true) -> Set<String> {
        var ids = Set<String>()
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "="), index >= 3 else { continue }
            let nameLength: Int
            if bytes[index - 2] == UInt8(ascii: "i") && bytes[index - 1] == UInt8(ascii: "d") {
                nameLength = 2
            } else if names, index >= 5, bytes[(index - 4)..<index].elementsEqual("name".utf8) {
                nameLength = 4
            } else {
                continue
            }
            let before = bytes[index - nameLength - 1]
            guard before == UInt8(ascii: " ") || before == UInt8(ascii: "\n") || before == UInt8(ascii: "\t"),
                index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "'")
            else { continue }
            let quote = bytes[index + 1]
            guard let end = bytes[(index + 2)...].firstIndex(of: quote) else { break }
            let value = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            if !value.isEmpty && !value.contains("{{") { ids.insert(HTML.text(value)) }
            index = end
        }
        return ids
    }
}
