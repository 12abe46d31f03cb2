/// URL checks for links written in Markdown.
enum URLSafety {
    /// Schemes that run code or reach the reader's disk, as cmark's safe mode defines them.
    static func isDangerous(_ url: String) -> Bool {
        // Browsers ignore tabs, newlines and leading control characters in a scheme: so do we.
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where compact.hasPrefix(scheme) { return true }
        if compact.hasPrefix("data:") {
            let safe = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !safe.contains { compact.hasPrefix($0) }
        }
        return false
    }

    /// The path and "#fragment" of a relative link to a Markdown file; nil for anything else.
    static func localMarkdownPath(_ url: String) -> (path: String, fragment: String)? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.contains("://"), !url.hasPrefix("mailto:") else {
            return nil
        }
        let hash = url.firstIndex(of: "#") ?? url.endIndex
        let path = String(url[..<hash])
        guard path.hasSuffix(".md"), !path.contains("?") else { return nil }
        return (path.removingPercentEncodingIfPossible, String(url[hash...]))
    }

    /// "articles/../terms/./django.md" -> "terms/django.md"; nil when it climbs out of the content folder.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}

extension String {
    fileprivate var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
