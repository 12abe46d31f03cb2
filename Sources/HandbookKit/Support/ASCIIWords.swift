/// Lowercased ASCII words joined by one separator: the byte path of slugs ("Machine Learning" -> "machine-learning")
/// and of name keys ("  Django  REST " -> "django rest"), each checked against its general rule by a test.
enum ASCIIWords {
    /// The runs of bytes `isWordByte` accepts (tested after ASCII capitals are lowercased), lowercased and joined by
    /// `separator`; nothing at the ends. Nil when the text is not ASCII.
    static func joined(_ text: String, separator: UInt8, isWordByte: (UInt8) -> Bool) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var words: [UInt8] = []
            words.reserveCapacity(bytes.count)
            var pendingSeparator = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                guard isWordByte(lower) else {
                    pendingSeparator = true
                    continue
                }
                if pendingSeparator, !words.isEmpty { words.append(separator) }
                pendingSeparator = false
                words.append(lower)
            }
            return String(decoding: words, as: UTF8.self)
        }
    }
}
