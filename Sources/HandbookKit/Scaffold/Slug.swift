import Foundation

/// File names made from titles: ASCII-folded, lowercase, words joined by single hyphens.
public enum Slug {
    /// "Café & Crème: Ünïcode Straße" -> "cafe-creme-unicode-strasse"; empty when no letter or digit survives.
    public static func make(from title: String) -> String {
        var folded = ""
        for character in title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            folded += letterFolds[character] ?? String(character)
        }
        return folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: "-")
    }

    /// Letters that diacritic folding leaves alone but readers spell in ASCII.
    private static let letterFolds: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i",
    ]
}
