/// A word or punctuation mark of prose, as the glossary matcher sees it.
///
/// Words are maximal runs of letters and digits; every other visible character is a token of its own;
/// whitespace only sets `spaceBefore`. So "Node.js" is `node . js` and "Weights & Biases" is
/// `weights ␣& ␣biases`: names with punctuation match exactly, and "ASP.NET" never contains ".NET".
///
/// Names are split this way when the matcher is built; text is split the same way, as bytes, by `TextTokens`.
struct MentionToken {
    /// The text as written: its key in the trie is `TextTokens.Key(original)`.
    var original: Substring
    var isWord: Bool
    var spaceBefore: Bool
    var range: Range<String.Index>

    /// Tokens of `text`, in order.
    static func tokenize(_ text: String) -> [MentionToken] {
        var tokens: [MentionToken] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var sawSpace = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isSpace(scalar) {
                sawSpace = true
                index = scalars.index(after: index)
                continue
            }
            let start = index
            let word = isWordScalar(scalar)
            index = scalars.index(after: index)
            if word {
                while index < scalars.endIndex, isWordScalar(scalars[index]) { index = scalars.index(after: index) }
            }
            let original = text[start..<index]
            tokens.append(
                MentionToken(original: original, isWord: word, spaceBefore: sawSpace || tokens.isEmpty, range: start..<index))
            sawSpace = false
        }
        return tokens
    }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" }
        return scalar.properties.isWhitespace
    }
}
