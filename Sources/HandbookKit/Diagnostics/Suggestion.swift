/// "Did you mean" suggestions: the closest candidate by edit distance, when it is close enough.
enum Suggestion {
    /// The candidate nearest to `word` (case-insensitive), if within a third of its length (at least 2 edits).
    static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = max(2, target.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// " (did you mean 'x'?)" or "" — appended to a message.
    static func suffix<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        guard let match = closest(to: word, in: candidates) else { return "" }
        return "; did you mean '\(match)'?"
    }

    /// The replacement a message offers ("; did you mean 'x'?", "; rename it to 'x'"): what `suffix` wrote.
    static func offered(in message: String) -> String? {
        for opening in ["; did you mean '", "; rename it to '"] {
            guard let start = message.range(of: opening) else { continue }
            let rest = message[start.upperBound...]
            guard let end = rest.range(of: opening.hasPrefix("; did") ? "'?" : "'") else { continue }
            return String(rest[..<end.lowerBound])
        }
        return nil
    }

    /// Levenshtein distance with an early exit once every cell exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = Swift.min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
