import Foundation

/// Stable, unique heading ids within a page, GitHub style: "What it is?" -> "what-it-is".
struct HeadingIDs {
    private var used: Set<String>

    /// `reserved` are ids the page layout already uses.
    init(reserved: Set<String> = HeadingIDs.layoutIDs) {
        used = reserved
    }

    /// Ids the templates use; a heading never takes one of them.
    static let layoutIDs: Set<String> = [
        "main", "top", "search-input", "search-results", "search-page", "toc", "term-tips", "theme-select", "theme-status",
        "related-reading",
    ]

    mutating func make(for text: String) -> String {
        let base = Self.base(for: text)
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The id a heading's text gives before it is made unique on its page.
    static func base(for text: String) -> String {
        asciiBase(for: text) ?? unicodeBase(for: text)
    }

    /// The general rule: trimmed, lowercased, letters, digits, "-" and "_" kept, spaces become "-".
    static func unicodeBase(for text: String) -> String {
        var base = ""
        for scalar in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_" {
                base.unicodeScalars.append(scalar)
            } else if scalar == " " {
                base.append("-")
            }
        }
        if !base.contains(where: { $0.isLetter || $0.isNumber }) { base = "section" }
        return base
    }

    /// The same rule on bytes for ASCII text, nearly every heading (Foundation's trimming and Unicode properties
    /// were 2% of a 10,000-article build); nil for any other text.
    static func asciiBase(for text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
                return "section"
            }
            var base: [UInt8] = []
            base.reserveCapacity(last - first + 1)
            var hasAlphanumeric = false
            for byte in bytes[first...last] {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    base.append(byte)
                    hasAlphanumeric = true
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    base.append(byte | 0x20)
                    hasAlphanumeric = true
                case UInt8(ascii: "-"), UInt8(ascii: "_"): base.append(byte)
                case UInt8(ascii: " "): base.append(UInt8(ascii: "-"))
                default: break
                }
            }
            return hasAlphanumeric ? String(decoding: base, as: UTF8.self) : "section"
        }
    }
}
