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
    /// Works on bytes: it runs over every page body for the search index.
    static func text(_ html: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(html.utf8.count)
        var inTag = false
        var inSelfLink = false
        var entity: [UInt8]?
        func space() {
            if let last = result.last, last != 0x20 { result.append(0x20) }
        }
        let bytes = Array(html.utf8)
        for (index, byte) in bytes.enumerated() {
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
            if var pending = entity {
                let isNameByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x23
                if byte == UInt8(ascii: ";") {
                    result += decode(String(decoding: pending, as: UTF8.self)).utf8
                    entity = nil
                    continue
                }
                if isNameByte && pending.count < 10 {
                    pending.append(byte)
                    entity = pending
                    continue
                }
                // Not an entity after all: keep the ampersand and what followed, then read this byte as text.
                result.append(UInt8(ascii: "&"))
                result += pending
                entity = nil
            }
            switch byte {
            case UInt8(ascii: "<"):
                inTag = true
                inSelfLink = bytes[index...].starts(with: selfLinkTag)
            case UInt8(ascii: "&"): entity = []
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: " "): space()
            default: result.append(byte)
            }
        }
        if let pending = entity { result += [UInt8(ascii: "&")] + pending }
        while result.first == 0x20 { result.removeFirst() }
        while result.last == 0x20 { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
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
