/// The tokens of a text as `GlossaryMatcher` reads it: split exactly as `MentionToken` splits a String
/// (runs of letters and digits, every other visible character alone, whitespace setting `spaceBefore`),
/// but as byte ranges of its UTF-8 with a hash of each token's key, so that no String is made per token.
///
/// A key is the token lowercased when it holds an ASCII capital. ASCII keys are compared as bytes. Keys
/// beyond ASCII are rare in prose; they share one hash and are compared as Swift compares strings, by
/// canonical equivalence (Hangul typed as jamo still names its syllables), without Foundation: this runs in
/// forked workers, where a lock another thread held at the fork would never be released.
struct TextTokens {
    struct Token {
        var start: Int
        var end: Int
        var hash: UInt64
        var isWord: Bool
        var spaceBefore: Bool
        /// Index of the key in `wideKeys` when the token is not ASCII, else -1.
        var wideKey: Int32
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var tokens: [Token] = []
    private var wideKeys: [String] = []

    var count: Int { tokens.count }
    subscript(index: Int) -> Token { tokens[index] }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 4)
        var index = 0
        var sawSpace = false
        while index < bytes.count {
            // What is a word and what is a space is MentionToken's, so names and text split alike.
            let (scalar, length) = Self.scalar(in: bytes, at: index)
            if MentionToken.isSpace(scalar) {
                sawSpace = true
                index += length
                continue
            }
            let start = index
            let isWord = MentionToken.isWordScalar(scalar)
            var ascii = length == 1
            index += length
            if isWord {
                while index < bytes.count {
                    let (scalar, length) = Self.scalar(in: bytes, at: index)
                    guard MentionToken.isWordScalar(scalar) else { break }
                    ascii = ascii && length == 1
                    index += length
                }
            }
            var token = Token(
                start: start, end: index, hash: Self.wideHash, isWord: isWord, spaceBefore: sawSpace || tokens.isEmpty, wideKey: -1)
            if ascii {
                token.hash = Self.hashLowercased(bytes, start..<index)
            } else {
                token.wideKey = Int32(wideKeys.count)
                wideKeys.append(Self.key(Substring(original(start..<index))))
            }
            tokens.append(token)
            sawSpace = false
        }
    }

    /// Whether token `index`'s key is this key: bytes for an ASCII key, a String otherwise.
    func key(_ index: Int, equals key: Key) -> Bool {
        let token = tokens[index]
        switch key {
        case .wide(let text):
            return token.wideKey >= 0 && wideKeys[Int(token.wideKey)] == text
        case .ascii(let key):
            guard token.wideKey < 0, key.count == token.end - token.start else { return false }
            for offset in 0..<key.count where Self.lowercased(bytes[token.start + offset]) != key[offset] { return false }
            return true
        }
    }

    /// Token `index` as written.
    func original(_ index: Int) -> String {
        original(tokens[index].start..<tokens[index].end)
    }

    private func original(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A trie key: ASCII bytes, or a String when the key goes beyond ASCII.
    enum Key: Equatable, Sendable {
        case ascii([UInt8])
        case wide(String)

        /// The key of a name's token, and its hash.
        init(_ original: Substring) {
            let key = TextTokens.key(original)
            self = key.utf8.allSatisfy({ $0 < 0x80 }) ? .ascii(Array(key.utf8)) : .wide(key)
        }

        var hash: UInt64 {
            guard case .ascii(let bytes) = self else { return TextTokens.wideHash }
            return bytes.reduce(TextTokens.fnvBasis) { ($0 ^ UInt64($1)) &* TextTokens.fnvPrime }
        }
    }

    /// The hash every key beyond ASCII shares.
    static let wideHash: UInt64 = 0x5749_4445
    private static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// A token lowercased when it holds an ASCII capital.
    private static func key(_ original: Substring) -> String {
        original.utf8.allSatisfy({ $0 < 0x41 || $0 > 0x5A }) ? String(original) : original.lowercased()
    }

    private static func hashLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = fnvBasis
        for index in range { hash = (hash ^ UInt64(lowercased(bytes[index]))) &* fnvPrime }
        return hash
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The scalar that starts at `index` of valid UTF-8, and its length in bytes.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
