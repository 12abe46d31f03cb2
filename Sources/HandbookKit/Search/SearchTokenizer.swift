import Foundation

/// The search tokenizer; `templates/assets/search.js` implements the same rules, byte for byte:
/// lowercase, NFKD without combining marks, then the matches of `/[a-z0-9]+[+#]*/`.
enum SearchTokenizer {
    static func tokens(_ text: String) -> [String] {
        let folded = fold(text)
        var tokens: [String] = []
        var current: [UInt8] = []
        var inSuffix = false
        for byte in folded.utf8 {
            let isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if isWord && !inSuffix {
                current.append(byte)
            } else if (byte == 0x2B || byte == 0x23) && !current.isEmpty {
                current.append(byte)
                inSuffix = true
            } else {
                if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                inSuffix = false
                if isWord { current.append(byte) }
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// Lowercased, compatibility-decomposed, combining marks (U+0300–U+036F) removed.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let decomposed = text.lowercased().decomposedStringWithCompatibilityMapping
        var result = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) { result.append(scalar) }
        return String(result)
    }
}
