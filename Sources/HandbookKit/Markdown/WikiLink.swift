import Foundation

/// `[[Target]]` and `[[Target|label]]` in prose.
struct WikiLink: Equatable {
    var target: String
    var label: String?
    /// The whole `[[...]]` in the text.
    var range: Range<String.Index>

    /// Every wiki link in `text`, left to right. `[[` with no closing `]]` on the same text is left alone.
    static func scan(_ text: String) -> [WikiLink] {
        var links: [WikiLink] = []
        // Most prose has no "[[" at all: memchr answers that without Foundation's string search.
        guard mayHoldLinks(text) else { return links }
        var searchStart = text.startIndex
        while let open = text[searchStart...].range(of: "[["), let close = text[open.upperBound...].range(of: "]]") {
            let inner = text[open.upperBound..<close.lowerBound]
            if let stop = inner.lastIndex(where: { $0 == "[" || $0.isNewline }) {
                // Only a "[[" after the last '[' or line break can close here: jump there. Moving one
                // character at a time rescanned to the "]]" each step, minutes on 100,000 '['.
                searchStart = inner[stop] == "[" ? text.index(before: stop) : text.index(after: stop)
                continue
            }
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let target = parts[0].trimmingCharacters(in: .whitespaces)
            let label = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            if !target.isEmpty {
                links.append(
                    WikiLink(target: target, label: label?.isEmpty == true ? nil : label, range: open.lowerBound..<close.upperBound))
            }
            searchStart = close.upperBound
        }
        return links
    }

    /// Whether "[[" occurs in the text: memchr from one '[' to the next.
    private static func mayHoldLinks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 1 else { return false }
            var offset = 0
            while offset < bytes.count - 1, let hit = memchr(base + offset, 0x5B, bytes.count - 1 - offset) {
                let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                if bytes[at + 1] == 0x5B { return true }
                offset = at + 1
            }
            return false
        }
    }
}
