/// Finds mentions of glossary terms in prose with a token trie built once per build.
///
/// Matching walks the trie from each token, so its cost is linear in the text (times the longest
/// name, in tokens) and does not grow with the number of terms. Text is read as UTF-8 bytes: a token
/// is a byte range with a hash of its key, and the trie's edges live in one open-addressing table keyed
/// by (node, spacing, key hash), so a token that begins no name costs a hash and one probe, with no
/// `String` made. It is immutable and safe to share between threads.
public struct GlossaryMatcher: Sendable {
    /// One name a term answers to.
    public struct Name: Sendable {
        public var text: String
        public var matchCase: Bool
        public init(_ text: String, matchCase: Bool) {
            self.text = text
            self.matchCase = matchCase
        }
    }

    /// A mention found in a text: which term, and where.
    public struct Match: Equatable, Sendable {
        public var term: Int
        public var range: Range<String.Index>
        /// The name as the pattern spelled it, e.g. "Apache Spark".
        public var name: String
    }

    private struct Pattern: Sendable {
        var term: Int
        var name: String
        /// Tokens as written, compared exactly for `match_case` names.
        var exact: [String]?
        var isPlural: Bool
    }

    /// A trie node: the edge that leads to it (from `parent`, a token with this key, after a space or
    /// not) and the names that end here.
    private struct Node: Sendable {
        var parent: Int32
        var spaced: Bool
        var key: TextTokens.Key
        var patterns: [Int32] = []
    }

    private var nodes: [Node] = [Node(parent: -1, spaced: false, key: .ascii([]))]
    private var edges = EdgeTable()
    private var patterns: [Pattern] = []

    /// `names[i]` are the names of term `i`; plurals of each name are added.
    public init(names: [[Name]]) {
        for (term, termNames) in names.enumerated() {
            for name in termNames {
                let tokens = MentionToken.tokenize(name.text)
                guard !tokens.isEmpty else { continue }
                insert(tokens, term: term, name: name, isPlural: false)
                if let plural = Self.plural(of: tokens, in: name.text) {
                    insert(MentionToken.tokenize(plural), term: term, name: Name(plural, matchCase: name.matchCase), isPlural: true)
                }
            }
        }
    }

    /// Leftmost-longest, non-overlapping mentions of any term in `text`, in order.
    public func matches(in text: String) -> [Match] {
        var text = text
        let found = text.withUTF8 { bytes in
            let tokens = TextTokens(bytes)
            var found: [(pattern: Int, start: Int, end: Int)] = []
            var position = 0
            while position < tokens.count {
                if let (pattern, end) = longestMatch(in: tokens, from: position) {
                    found.append((pattern, tokens[position].start, tokens[end].end))
                    position = end + 1
                } else {
                    position += 1
                }
            }
            return found
        }
        let utf8 = text.utf8
        return found.map { match in
            let lower = utf8.index(utf8.startIndex, offsetBy: match.start)
            let upper = utf8.index(lower, offsetBy: match.end - match.start)
            return Match(term: patterns[match.pattern].term, range: lower..<upper, name: patterns[match.pattern].name)
        }
    }

    // MARK: Private

    private func longestMatch(in tokens: TextTokens, from start: Int) -> (pattern: Int, end: Int)? {
        // A name starting with punctuation (".NET") must not continue a word ("ASP.NET").
        let glued = start > 0 && !tokens[start].spaceBefore && tokens[start - 1].isWord
        guard var node = child(of: 0, spaced: false, tokens, start) else { return nil }
        var best: (pattern: Int, end: Int)?
        var index = start
        while true {
            if let pattern = accepted(nodes[node].patterns, tokens: tokens, start: start, end: index, glued: glued) {
                best = (pattern, index)
            }
            index += 1
            guard index < tokens.count, let next = child(of: node, spaced: tokens[index].spaceBefore, tokens, index) else { break }
            node = next
        }
        return best
    }

    /// The node an edge from `node` leads to for token `index`, if the trie has it.
    private func child(of node: Int, spaced: Bool, _ tokens: TextTokens, _ index: Int) -> Int? {
        let hash = tokens[index].hash
        return edges.first(Self.edgeHash(node, spaced, hash)) { candidate in
            let target = nodes[Int(candidate)]
            return Int(target.parent) == node && target.spaced == spaced && tokens.key(index, equals: target.key)
        }
    }

    /// The first pattern at this node whose case and word boundaries fit the text.
    private func accepted(_ candidates: [Int32], tokens: TextTokens, start: Int, end: Int, glued: Bool) -> Int? {
        guard !candidates.isEmpty else { return nil }
        if glued && !tokens[start].isWord { return nil }
        // A name ending in punctuation ("C++") must not run into a word ("C++11").
        if !tokens[end].isWord, end + 1 < tokens.count, !tokens[end + 1].spaceBefore, tokens[end + 1].isWord { return nil }
        for candidate in candidates {
            let pattern = patterns[Int(candidate)]
            if let exact = pattern.exact {
                guard exact.elementsEqual((start...end).map { tokens.original($0) }) else { continue }
            }
            return Int(candidate)
        }
        return nil
    }

    private mutating func insert(_ tokens: [MentionToken], term: Int, name: Name, isPlural: Bool) {
        var node = 0
        for (offset, token) in tokens.enumerated() {
            // Spacing is part of a name after its first token: "Weights & Biases" is not "Weights&Biases".
            let spaced = offset > 0 && token.spaceBefore
            let key = TextTokens.Key(token.original)
            let hash = Self.edgeHash(node, spaced, key.hash)
            if let next = child(of: node, spaced: spaced, key: key, hash: hash) {
                node = next
            } else {
                nodes.append(Node(parent: Int32(node), spaced: spaced, key: key))
                edges.insert(hash, Int32(nodes.count - 1))
                node = nodes.count - 1
            }
        }
        let exact = name.matchCase ? tokens.map { String($0.original) } : nil
        // Same tokens twice (a plural equal to another name): the exact spelling and the non-plural win.
        if nodes[node].patterns.contains(where: { patterns[Int($0)].term == term && patterns[Int($0)].exact == exact }) { return }
        patterns.append(Pattern(term: term, name: name.text, exact: exact, isPlural: isPlural))
        nodes[node].patterns.append(Int32(patterns.count - 1))
        nodes[node].patterns.sort { lhs, rhs in
            let (a, b) = (patterns[Int(lhs)], patterns[Int(rhs)])
            return (a.exact == nil ? 1 : 0, a.isPlural ? 1 : 0, a.term) < (b.exact == nil ? 1 : 0, b.isPlural ? 1 : 0, b.term)
        }
    }

    private func child(of node: Int, spaced: Bool, key: TextTokens.Key, hash: UInt64) -> Int? {
        edges.first(hash) { candidate in
            let target = nodes[Int(candidate)]
            return Int(target.parent) == node && target.spaced == spaced && target.key == key
        }
    }

    private static func edgeHash(_ node: Int, _ spaced: Bool, _ key: UInt64) -> UInt64 {
        var hash = key ^ (UInt64(truncatingIfNeeded: node) &* 0x9E37_79B9_7F4A_7C15) ^ (spaced ? 0x5555_5555_5555_5555 : 0)
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return hash
    }

    /// "data pipeline" -> "data pipelines", "library" -> "libraries", "API" -> "APIs";
    /// nil when the name ends in punctuation or already ends in "s" ("pandas", "microservices").
    static func plural(of tokens: [MentionToken], in name: String) -> String? {
        guard let last = tokens.last, last.isWord, last.original.count >= 2,
            last.original.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
        else { return nil }
        let head = String(name[..<last.range.lowerBound])
        let word = String(last.original)
        let lower = word.lowercased()
        if word == word.uppercased() { return head + word + "s" }
        if lower.hasSuffix("s") { return nil }
        if lower.hasSuffix("x") || lower.hasSuffix("z") || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            return head + word + "es"
        }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) {
            return head + word.dropLast() + "ies"
        }
        return head + word + "s"
    }
}

/// The trie's edges: (node, spacing, key hash) -> child node, open addressing with linear probing.
/// Entries with equal hashes may differ in key; `first(_:where:)` checks each against the token.
private struct EdgeTable: Sendable {
    private var hashes: [UInt64] = Array(repeating: 0, count: 64)
    private var nodes: [Int32] = Array(repeating: 0, count: 64)
    private var count = 0

    func first(_ hash: UInt64, where matches: (Int32) -> Bool) -> Int? {
        let hash = hash | 1  // 0 marks an empty slot
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash && matches(nodes[slot]) { return Int(nodes[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    mutating func insert(_ hash: UInt64, _ node: Int32) {
        if (count + 1) * 2 > hashes.count { grow() }
        let hash = hash | 1
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        nodes[slot] = node
        count += 1
    }

    private mutating func grow() {
        let old = zip(hashes, nodes).filter { $0.0 != 0 }
        hashes = Array(repeating: 0, count: hashes.count * 2)
        nodes = Array(repeating: 0, count: hashes.count)
        count = 0
        for (hash, node) in old { insert(hash, node) }
    }
}
