import Foundation

/// The search tokenizer; `templates/assets/search-words.js` implements the same rules, byte for byte:
/// lowercase, NFKD without combining marks, then the matches of `/[a-z0-9]+[+#]*/`; letter-only tokens
/// joined by one `.` `/` `-` `_` or `&` also give their concatenation ("Node.js" → node, js, nodejs);
/// stop words are dropped and letter-only words stemmed (Porter2) to make index terms.
enum SearchTokenizer {
    /// The raw tokens of a text: "C++ and Node.js" → c++, and, node, js.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var buffer: [UInt8] = []
        fold(text, into: &buffer)
        buffer.withUnsafeBufferPointer { bytes in
            scan(bytes) { range, _ in tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)) }
        }
        return tokens
    }

    /// The index terms of a text, in order: stop words dropped, joined forms (unless `joined` is false)
    /// after their last part.
    static func terms(_ text: String, joined withJoined: Bool = true) -> [String] {
        var terms: [String] = []
        var buffer: [UInt8] = []
        fold(text, into: &buffer)
        buffer.withUnsafeBufferPointer { bytes in
            scan(bytes) { range, joined in
                let token = Array(bytes[range])
                if !isStopWord(token) { terms.append(String(decoding: term(token), as: UTF8.self)) }
                if withJoined, let joined { terms.append(String(decoding: term(Array(joined)), as: UTF8.self)) }
            }
        }
        return terms
    }

    /// Calls `visit` with each token's range in `folded` (text after `fold`), and the joined form that ends
    /// with it, if any. Byte by byte: it runs over every page of the site.
    static func scan(_ folded: UnsafeBufferPointer<UInt8>, _ visit: (Range<Int>, UnsafeBufferPointer<UInt8>?) -> Void) {
        var start = -1
        var lettersOnly = true
        var inSuffix = false
        var run: [UInt8] = []  // letter-only tokens joined so far
        run.reserveCapacity(maxJoined)
        var previousEnd = -2
        func finish(_ end: Int) {
            guard start >= 0 else { return }
            if lettersOnly && !run.isEmpty && start == previousEnd + 1 && isJoiner(folded[previousEnd])
                && run.count + (end - start) <= maxJoined
            {
                run.append(contentsOf: UnsafeBufferPointer(rebasing: folded[start..<end]))
                run.withUnsafeBufferPointer { visit(start..<end, $0) }
            } else {
                run.removeAll(keepingCapacity: true)
                if lettersOnly { run.append(contentsOf: UnsafeBufferPointer(rebasing: folded[start..<end])) }
                visit(start..<end, nil)
            }
            previousEnd = end
            start = -1
        }
        var index = 0
        let count = folded.count
        while index < count {
            let byte = folded[index]
            let isLetter = byte &- 0x61 < 26
            let isWord = isLetter || byte &- 0x30 < 10
            if isWord && !inSuffix {
                if start < 0 {
                    start = index
                    lettersOnly = true
                }
                if !isLetter { lettersOnly = false }
            } else if (byte == 0x2B || byte == 0x23) && start >= 0 {
                inSuffix = true
                lettersOnly = false
            } else {
                finish(index)
                inSuffix = false
                if isWord {
                    start = index
                    lettersOnly = isLetter
                }
            }
            index += 1
        }
        finish(count)
    }

    /// The longest joined form kept ("scikitlearn"); longer runs are sentences, not names.
    static let maxJoined = 24

    private static func isJoiner(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "&")
    }

    /// The index term of a raw token: its stem if it is letters only, else itself ("c++", "k8s").
    static func term(_ token: [UInt8]) -> [UInt8] {
        token.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) ? PorterStemmer.stem(token) : token
    }

    /// Function words that say nothing about a page (the same list as search-words.js). Not "it" (IT)
    /// nor "us" (US).
    static let stopWords: Set<[UInt8]> = Set(
        """
        a about above after again against all am an and any are as at be because been before being below between both but \
        by can could did do does doing down during each few for from further had has have having he her here hers herself \
        him himself his how i if in into is its itself just me more most my myself no nor not now of off on once only or \
        other our ours ourselves out over own same she should so some such than that the their theirs them themselves then \
        there these they this those through to too under until up very was we were what when where which while who whom why \
        will with would you your yours yourself yourselves
        """.split(separator: " ").map { Array($0.utf8) })

    static func isStopWord(_ token: [UInt8]) -> Bool { stopWords.contains(token) }

    /// A name made of stop words alone ("How to", "What we do", "About"), which would otherwise leave its page no term
    /// to be found by: its words joined ("howto", "whatwedo", "about"), as a query of stop words alone is searched
    /// (search-engine.js: two or more joined, one as typed). nil for a name with another word, or one longer than
    /// `maxJoined`.
    static func stopWordName(_ text: String) -> String? {
        let words = tokens(text)
        guard !words.isEmpty, words.allSatisfy({ isStopWord(Array($0.utf8)) }) else { return nil }
        let joined = words.joined()
        return joined.utf8.count <= maxJoined ? joined : nil
    }

    /// `fold(text)` as bytes, into a buffer the caller reuses: ASCII is lowercased in place, and only the runs of other
    /// characters go through `fold`. One curly apostrophe used to send a whole page through Foundation's decomposition
    /// (a fifth of a wiki's build); a scalar's folding does not depend on the ASCII around it.
    static func fold(_ text: String, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count && bytes[end] < 0x80 { end += 1 }
                for byte in bytes[index..<end] { buffer.append(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
                index = end
                guard index < bytes.count else { break }
                while end < bytes.count && bytes[end] >= 0x80 { end += 1 }
                buffer.append(contentsOf: fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)).utf8)
                index = end
            }
        }
    }

    /// Lowercased, compatibility-decomposed, combining marks (U+0300–U+036F) removed.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let decomposed = text.lowercased().decomposedStringWithCompatibilityMapping
        var result = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) { result.append(scalar) }
        return String(result)
    }
}
