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

    /// The visible text of an HTML fragment: tags dropped, block ends as spaces, common entities decoded.
    static func text(_ html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var inTag = false
        var entity: String?
        for scalar in html.unicodeScalars {
            if inTag {
                if scalar == ">" { inTag = false }
                continue
            }
            if var pending = entity {
                if scalar == ";" {
                    result += decode(pending)
                    entity = nil
                } else if pending.count < 10 {
                    pending.unicodeScalars.append(scalar)
                    entity = pending
                } else {
                    result += "&" + pending
                    entity = nil
                }
                continue
            }
            switch scalar {
            case "<":
                inTag = true
                if let last = result.unicodeScalars.last, last != " " { result += " " }
            case "&": entity = ""
            case "\n", "\t", "\r":
                if let last = result.unicodeScalars.last, last != " " { result += " " }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return collapseSpaces(result)
    }

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

    private static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
