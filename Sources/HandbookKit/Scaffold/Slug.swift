import Foundation

/// File names made from titles: ASCII-folded, lowercase, words joined by single hyphens.
public enum Slug {
    /// "Café & Crème: Ünïcode Straße" -> "cafe-creme-unicode-strasse"; empty when no letter or digit survives.
    public static func make(from title: String) -> String {
        ascii(title) ?? general(title)
    }

    /// The rule for any text: Foundation's folding, then the letter folds.
    static func general(_ title: String) -> String {
        var folded = ""
        for character in title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            folded += letterFolds[character] ?? String(character)
        }
        return folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: "-")
    }

    /// The same rule on bytes for ASCII text, nearly every tag and title: tags are slugged several times per
    /// article (Foundation's folding was 3% of a 10,000-article build). Nil for any other text.
    static func ascii(_ title: String) -> String? {
        ASCIIWords.joined(title, separator: UInt8(ascii: "-")) {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
        }
    }

    /// Letters that diacritic folding leaves alone but readers spell in ASCII.
    private static let letterFolds: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i",
    ]
}
