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
        var base = ""
        for scalar in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_" {
                base.unicodeScalars.append(scalar)
            } else if scalar == " " {
                base.append("-")
            }
        }
        if !base.contains(where: { $0.isLetter || $0.isNumber }) { base = "section" }
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
