/// The two HTML text operations the build needs: escaping author text, and reading text back out of HTML.
enum HTML {
    /// Escapes text for element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The visible text of an HTML fragment: tags dropped (inline tags join words, line breaks separate
    /// blocks), heading self-links left out, common entities decoded.
    /// Works on the string's own bytes, without copying them: it runs over every page body for the search index.
    static func text(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var inTag = false
            var inSelfLink = false
            // Where the name of an entity being read starts (after its "&").
            var entityStart: Int?
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                defer { index += 1 }
                if inTag {
                    if byte == UInt8(ascii: ">") { inTag = false }
                    continue
                }
                if inSelfLink {
                    if byte == UInt8(ascii: "<") {
                        inSelfLink = false
                        inTag = true
                    }
                    continue
                }
                if let start = entityStart {
                    let isNameByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x23
                    if byte == UInt8(ascii: ";") {
                        result += decode(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)).utf8
                        entityStart = nil
                        continue
                    }
                    if isNameByte && index - start < 10 { continue }
                    // Not an entity after all: keep the ampersand and what followed, then read this byte as text.
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start - 1)..<index]))
                    entityStart = nil
                }
                switch byte {
                case UInt8(ascii: "<"):
                    inTag = true
                    inSelfLink = UnsafeBufferPointer(rebasing: bytes[index...]).starts(with: selfLinkTag)
                case UInt8(ascii: "&"): entityStart = index + 1
                case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: " "):
                    if let last = result.last, last != 0x20 { result.append(0x20) }
                default: result.append(byte)
                }
            }
            if let start = entityStart { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start - 1)...])) }
            let first = result.firstIndex { $0 != 0x20 } ?? result.endIndex
            let last = result.lastIndex { $0 != 0x20 }.map { $0 + 1 } ?? first
            return String(decoding: result[first..<max(first, last)], as: UTF8.self)
        }
    }

    /// The heading self-link the Markdown stage adds: its "#" is not text.
    private static let selfLinkTag = Array("<a class=\"anchor\"".utf8)

    private static func decode(_ entity: String) -> String {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39", "apos": return "'"
        case "nbsp": return " "
        default:
            if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let value = UInt32(entity.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                return String(Character(scalar))
            }
            if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                return String(Character(scalar))
            }
            return "&\(entity);"
        }
    }

}
