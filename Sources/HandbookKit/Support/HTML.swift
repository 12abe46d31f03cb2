import Foundation

/// The two HTML text operations the build needs: escaping author text, and reading text back out of HTML.
enum HTML {
    /// Escapes text for element content and quoted attribute values.
    /// On the string's own bytes: the five characters are ASCII and never part of a longer UTF-8 sequence, and
    /// most text has none of them, so it is returned as it is after one pass (every `{{name}}` of every page
    /// comes through here).
    static func escape(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            // `" & ' < >` as bits of a mask over the bytes below 0x40 (a constant, folded by the compiler).
            let special: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
            guard let first = bytes.firstIndex(where: { $0 < 0x40 && special & (1 << UInt64($0)) != 0 }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): result += "&amp;".utf8
                case UInt8(ascii: "<"): result += "&lt;".utf8
                case UInt8(ascii: ">"): result += "&gt;".utf8
                case UInt8(ascii: "\""): result += "&quot;".utf8
                case UInt8(ascii: "'"): result += "&#39;".utf8
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The visible text of an HTML fragment: tags dropped (inline tags join words, line breaks separate
    /// blocks), heading self-links left out, common entities decoded.
    /// Works on the string's own bytes and writes into a buffer as long as the HTML (every entity decodes to fewer
    /// bytes than it is written with, so the text never outgrows it); the text is then copied out at its own size,
    /// as the search index keeps every page's text at once. It runs over every page body.
    static func text(_ html: String) -> String {
        var html = html
        let text = html.withUTF8 { bytes in
            [UInt8](unsafeUninitializedCapacity: max(bytes.count, 1)) { out, initialized in
                var count = 0
                func append(_ part: UnsafeBufferPointer<UInt8>) {
                    // Never true (see above); checked in release builds too, as the buffer is written unchecked.
                    precondition(count + part.count <= out.count, "the text of an HTML fragment outgrew it")
                    for byte in part {
                        out[count] = byte
                        count += 1
                    }
                }
                var inTag = false
                var inSelfLink = false
                // Where the name of an entity being read starts (after its "&").
                var entityStart: Int?
                var index = 0
                while index < bytes.count {
                    // A tag, and a self-link's text, are skipped in one search each: a body's links and term tips make
                    // about half its bytes.
                    if inTag {
                        index = find(UInt8(ascii: ">"), in: bytes, from: index) + 1
                        inTag = false
                        continue
                    }
                    if inSelfLink {
                        index = find(UInt8(ascii: "<"), in: bytes, from: index) + 1
                        inSelfLink = false
                        inTag = true
                        continue
                    }
                    defer { index += 1 }
                    let byte = bytes[index]
                    if let start = entityStart {
                        let isNameByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x23
                        if byte == UInt8(ascii: ";") {
                            var decoded = decode(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                            decoded.withUTF8 { append($0) }
                            entityStart = nil
                            continue
                        }
                        if isNameByte && index - start < 10 { continue }
                        // Not an entity after all: keep the ampersand and what followed, then read this byte as text.
                        append(UnsafeBufferPointer(rebasing: bytes[(start - 1)..<index]))
                        entityStart = nil
                    }
                    switch byte {
                    case UInt8(ascii: "<"):
                        inTag = true
                        inSelfLink = UnsafeBufferPointer(rebasing: bytes[index...]).starts(with: selfLinkTag)
                    case UInt8(ascii: "&"): entityStart = index + 1
                    case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: " "):
                        if count > 0, out[count - 1] != 0x20 {
                            out[count] = 0x20
                            count += 1
                        }
                    default:
                        out[count] = byte
                        count += 1
                    }
                }
                if let start = entityStart { append(UnsafeBufferPointer(rebasing: bytes[(start - 1)...])) }
                // Spaces at the ends go (a decoded &nbsp; can lead).
                while count > 0, out[count - 1] == 0x20 { count -= 1 }
                let leading = out[..<count].prefix { $0 == 0x20 }.count
                if leading > 0 {
                    for index in leading..<count { out[index - leading] = out[index] }
                    count -= leading
                }
                initialized = count
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The index of the first `byte` in `bytes` from `start` on (memchr), or the end.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
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
