/// JSON text built as bytes: strings escaped per RFC 8259 (and U+2028/2029 for script use), runs of
/// plain bytes copied at once.
struct JSONBytes: Sendable {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func ints(_ values: [Int]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            int(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func strings<S: Sequence>(_ values: S) where S.Element == String {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for value in values {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string(bytes: $0) }
    }

    /// A string known to need no escaping (index terms, encoded postings).
    mutating func plainString<C: Collection>(_ value: C) where C.Element == UInt8 {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: value)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func string(bytes input: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        func flush(_ end: Int) {
            if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<end])) }
        }
        while index < input.count {
            let byte = input[index]
            var escape: [UInt8]?
            var skip = 1
            switch byte {
            case UInt8(ascii: "\""): escape = [0x5C, 0x22]
            case UInt8(ascii: "\\"): escape = [0x5C, 0x5C]
            case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
            case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
            case 0x09: escape = [0x5C, UInt8(ascii: "t")]
            case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80 && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                // U+2028 and U+2029 end a line in JavaScript source before ES2019.
                escape = Array("\\u202".utf8) + [input[index + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")]
                skip = 3
            case 0..<0x20:
                escape = Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: break
            }
            if let escape {
                flush(index)
                bytes.append(contentsOf: escape)
                index += skip
                runStart = index
            } else {
                index += 1
            }
        }
        flush(input.count)
        bytes.append(UInt8(ascii: "\""))
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Postings as text: per document the gap from the previous document id, then `mask + 128 * tf`, each a
/// little-endian base-64 varint (5 value bits per character, 32 meaning "more follows"), in the URL-safe
/// base-64 alphabet, so a posting list is a short JSON string that needs no escaping.
enum PostingsCoding {
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Appends `[doc, mask, tf, doc, mask, tf, …]` (doc ids ascending) to `out`, encoded.
    static func encode(_ postings: ArraySlice<Int32>, into out: inout [UInt8]) {
        var previous: Int32 = 0
        var index = postings.startIndex
        while index + 2 < postings.endIndex {
            varint(Int(postings[index] - previous), into: &out)
            varint(Int(postings[index + 1]) + 128 * Int(postings[index + 2]), into: &out)
            previous = postings[index]
            index += 3
        }
    }

    static func varint(_ value: Int, into out: inout [UInt8]) {
        var value = value
        while value >= 32 {
            out.append(alphabet[32 + (value & 31)])
            value >>= 5
        }
        out.append(alphabet[value])
    }
}
