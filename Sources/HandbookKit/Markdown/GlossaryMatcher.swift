/// Finds mentions of glossary terms in prose with a token trie built once per build.
///
/// Matching walks the trie from each token, so its cost is linear in the text (times the longest
/// name, in tokens) and does not grow with the number of terms. It is immutable and safe to share
/// between threads.
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

    private struct Node: Sendable {
        var children: [String: Int32] = [:]
        var patterns: [Int32] = []
    }

    private var nodes: [Node] = [Node()]
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
        let tokens = MentionToken.tokenize(text)
        var found: [Match] = []
        var position = 0
        while position < tokens.count {
            if let (pattern, end) = longestMatch(in: tokens, from: position) {
                found.append(
                    Match(
                        term: patterns[pattern].term, range: tokens[position].range.lowerBound..<tokens[end].range.upperBound,
                        name: patterns[pattern].name))
                position = end + 1
            } else {
                position += 1
            }
        }
        return found
    }

    // MARK: Private

    private func longestMatch(in tokens: [MentionToken], from start: Int) -> (pattern: Int, end: Int)? {
        // A name starting with punctuation (".NET") must not continue a word ("ASP.NET").
        let glued = start > 0 && !tokens[start].spaceBefore && tokens[start - 1].isWord
        guard var node = nodes[0].children[tokens[start].key] else { return nil }
        var best: (pattern: Int, end: Int)?
        var index = start
        while true {
            if let pattern = accepted(nodes[Int(node)].patterns, tokens: tokens, start: start, end: index, glued: glued) {
                best = (pattern, index)
            }
            index += 1
            guard index < tokens.count, let next = nodes[Int(node)].children[tokens[index].followingKey] else { break }
            node = next
        }
        return best
    }

    /// The first pattern at this node whose case and word boundaries fit the text.
    private func accepted(_ candidates: [Int32], tokens: [MentionToken], start: Int, end: Int, glued: Bool) -> Int? {
        guard !candidates.isEmpty else { return nil }
        let first = tokens[start]
        let last = tokens[end]
        if glued && !first.isWord { return nil }
        // A name ending in punctuation ("C++") must not run into a word ("C++11").
        if !last.isWord, end + 1 < tokens.count, !tokens[end + 1].spaceBefore, tokens[end + 1].isWord { return nil }
        for candidate in candidates {
            let pattern = patterns[Int(candidate)]
            if let exact = pattern.exact {
                guard exact.elementsEqual(tokens[start...end].map { String($0.original) }) else { continue }
            }
            return Int(candidate)
        }
        return nil
    }

    private mutating func insert(_ tokens: [MentionToken], term: Int, name: Name, isPlural: Bool) {
        var node = 0
        for (offset, token) in tokens.enumerated() {
            let key = offset == 0 ? token.key : token.followingKey
            if let next = nodes[node].children[key] {
                node = Int(next)
            } else {
                nodes.append(Node())
                nodes[node].children[key] = Int32(nodes.count - 1)
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
