/// URL checks for links written in Markdown.
enum URLSafety {
    /// Schemes that run code or reach the reader's disk, as cmark's safe mode defines them.
    static func isDangerous(_ url: String) -> Bool {
        // Browsers ignore tabs, newlines and leading control characters in a scheme: so do we. Only ASCII letters
        // lowercase to the letters of these schemes, so bytes will do (every link comes through here).
        let compact = url.utf8.lazy.filter { $0 > 0x20 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for scheme in ["javascript:", "vbscript:", "file:"] where compact.starts(with: scheme.utf8) { return true }
        if compact.starts(with: "data:".utf8) {
            let safe = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !safe.contains { compact.starts(with: $0.utf8) }
        }
        return false
    }

    /// A relative link split into its parts: `img/my%20chart.png?v=2#top` -> path "img/my chart.png",
    /// suffix "?v=2#top", fragment "top".
    struct LocalReference: Equatable {
        /// Percent-decoded; empty for "#fragment" and "?query" links to the page itself.
        var path: String
        /// The query and fragment as written, from the first "?" or "#".
        var suffix: String
        /// Percent-decoded, without "#"; nil when there is no "#" or nothing after it.
        var fragment: String?
    }

    /// The parts of a link to a file of this site; nil for a scheme (`https:`, `mailto:`) or `//host` link.
    /// A path from the site root (`/images/chart.png`) keeps its leading "/".
    static func localReference(_ url: String) -> LocalReference? {
        guard !url.isEmpty, !url.hasPrefix("//"), !hasScheme(url) else { return nil }
        let utf8 = url.utf8
        let cut = utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? utf8.endIndex
        let fragment = utf8.firstIndex(of: UInt8(ascii: "#")).map {
            String(url[utf8.index(after: $0)...]).removingPercentEncodingIfPossible
        }
        return LocalReference(
            path: String(url[..<cut]).removingPercentEncodingIfPossible, suffix: String(url[cut...]),
            fragment: fragment?.isEmpty == false ? fragment : nil)
    }

    /// A decoded path made a URL path again: "%", "#" and "?" escaped (cmark's renderer escapes the rest).
    static func encodePath(_ path: String) -> String {
        guard path.contains(where: { $0 == "%" || $0 == "#" || $0 == "?" }) else { return path }
        var result = ""
        for character in path {
            switch character {
            case "%": result += "%25"
            case "#": result += "%23"
            case "?": result += "%3F"
            default: result.append(character)
            }
        }
        return result
    }

    /// RFC 3986: a letter, then letters, digits, "+", "-" or ".", then ":" before any "/", "?" or "#".
    private static func hasScheme(_ url: String) -> Bool {
        for (index, byte) in url.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return index > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if index == 0 { return false }
            default: return false
            }
        }
        return false
    }

    /// "articles/../terms/./django.md" -> "terms/django.md"; nil when it climbs out of the content folder.
    static func normalize(_ path: String) -> String? {
        // Bytes, not Characters: every relative link of a wiki comes through here.
        func normalized(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            let (slash, dot) = (UInt8(ascii: "/"), UInt8(ascii: "."))
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var starts: [Int] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != slash { end += 1 }
                switch end - start {
                case 0: break
                case 1 where bytes[start] == dot: break
                case 2 where bytes[start] == dot && bytes[start + 1] == dot:
                    guard let last = starts.popLast() else { return nil }
                    out.removeSubrange(max(last - 1, 0)...)
                default:
                    if !out.isEmpty { out.append(slash) }
                    starts.append(out.count)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                start = end + 1
            }
            return out
        }
        let result = path.utf8.withContiguousStorageIfAvailable(normalized) ?? Array(path.utf8).withUnsafeBufferPointer(normalized)
        guard let bytes = result else { return nil }
        // Only ever shortened: as long means unchanged.
        return bytes.count == path.utf8.count ? path : String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate var removingPercentEncodingIfPossible: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
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
