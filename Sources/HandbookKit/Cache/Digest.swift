/// A 128-bit fingerprint of some bytes (two xxHash64-style lanes): equal bytes, equal digest; any edit a
/// person makes changes it. Not cryptographic: the cache only has to notice changes, not resist forgeries.
struct Digest: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var first: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(count)
        var offset = 0
        while offset + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            first = Self.round(first, word, 0x9E37_79B1_85EB_CA87, 0xC2B2_AE3D_27D4_EB4F)
            second = Self.round(second, word ^ first, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        first = Self.round(first, tail, 0x9E37_79B1_85EB_CA87, 0xC2B2_AE3D_27D4_EB4F)
        second = Self.round(second, tail ^ first, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63)
        high = Self.avalanche(first ^ (second >> 17))
        low = Self.avalanche(second &+ high)
    }

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { Digest(UnsafeRawBufferPointer($0)) }
    }

    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { Digest($0) }
    }

    /// Both halves in hex, joined by a hyphen.
    var hex: String { String(high, radix: 16) + "-" + String(low, radix: 16) }

    /// Reads `hex` back from its UTF-8 bytes.
    init?(hex: some Collection<UInt8>) {
        var halves: [UInt64] = [0]
        var digits = 0
        for byte in hex {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "-") where halves.count == 1 && digits > 0:
                halves.append(0)
                digits = 0
                continue
            default: return nil
            }
            digits += 1
            guard digits <= 16 else { return nil }
            halves[halves.count - 1] = halves[halves.count - 1] << 4 | UInt64(value)
        }
        guard halves.count == 2, digits > 0 else { return nil }
        self.init(high: halves[0], low: halves[1])
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64, _ prime1: UInt64, _ prime2: UInt64) -> UInt64 {
        var value = accumulator &+ input &* prime2
        value = (value << 31) | (value >> 33)
        return value &* prime1
    }

    /// MurmurHash3's finalizer: every input bit reaches every output bit.
    private static func avalanche(_ input: UInt64) -> UInt64 {
        var value = input
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
