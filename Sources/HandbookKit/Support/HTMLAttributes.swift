/// Quoted attribute values in HTML, found on bytes: `name="value"` or `name='value'`, the name after a space, tab or
/// line break. Attribute-like text in prose is escaped (`&quot;`), so only real attributes match.
enum HTMLAttributes {
    /// Calls `body` with the index in `names` of each attribute named one of them, and its value's byte range, in order.
    static func forEach(in bytes: [UInt8], named names: [String], _ body: (Int, Range<Int>) -> Void) {
        let names = names.map { Array($0.utf8) }
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "=") else { continue }
            guard
                let which = names.firstIndex(where: { name in
                    index > name.count && bytes[(index - name.count)..<index].elementsEqual(name)
                        && [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(bytes[index - name.count - 1])
                }),
                index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "'")
            else { continue }
            let quote = bytes[index + 1]
            guard let end = bytes[(index + 2)...].firstIndex(of: quote) else { return }
            body(which, (index + 2)..<end)
            index = end
        }
    }
}
