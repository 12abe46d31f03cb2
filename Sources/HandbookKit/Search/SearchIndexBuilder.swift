/// Builds the prebuilt search index: documents for display, and an inverted index the browser only reads.
///
/// Format (shared with `templates/assets/search.js`): `docs`, a sorted `vocab`, `postings[i]` for
/// `vocab[i]` as flat `[docId, fieldMask, bodyTf, ...]`, field bits title 1, alias 2, heading 4,
/// summary 8, body 16, and `synonyms` from glossary aliases.
struct SearchIndexBuilder {
    struct Entry: Sendable {
        var kind: String
        var title: String
        var url: String
        var summary: String
        var aliases: [String]
        var headings: [RenderedBody.Heading]
        /// The body's plain text.
        var text: String
    }

    static let fields = ["title", "alias", "heading", "summary", "body"]
    static let weights = [10, 8, 5, 3, 1]
    /// Characters of body text kept per document for snippets.
    static let snippetLength = 1500

    /// The outputs of one index build.
    struct Output {
        /// `search-index.json`: everything, for node and for tools.
        var json: String
        /// The object `search-index.js` assigns: `json`, or, for a large site, the index without snippet
        /// text plus `textShards` and `textShardSize`.
        var browserJSON: String
        /// `search-text-<n>.js` scripts holding the snippet text of `textShardSize` documents each,
        /// which the browser loads only for the results it shows.
        var textShards: [String]
    }

    /// The index as JSON text, deterministic for the same entries.
    static func json(for entries: [Entry], synonyms: [[String]]) -> String {
        build(entries, synonyms: synonyms, shardAbove: Int.max).json
    }

    /// Builds the index; when the snippet text of all documents exceeds `shardAbove` bytes, the browser
    /// copy leaves it out and it goes into shards of `shardSize` documents.
    static func build(_ entries: [Entry], synonyms: [[String]], shardAbove: Int, shardSize: Int = 500) -> Output {
        let sorted = entries.sorted { ($0.url, $0.title) < ($1.url, $1.title) }
        let texts = sorted.map { String($0.text.prefix(snippetLength)) }
        let sharded = texts.reduce(0) { $0 + $1.utf8.count } > shardAbove
        // Per-document token statistics are independent: compute them on every core.
        let perDocument = sorted.parallelMap { entry -> [String: (mask: Int, tf: Int)] in
            var stats: [String: (mask: Int, tf: Int)] = [:]
            func add(_ text: String, bit: Int) {
                for token in SearchTokenizer.tokens(text) {
                    var value = stats[token] ?? (0, 0)
                    value.mask |= bit
                    if bit == 16 { value.tf = min(value.tf + 1, 255) }
                    stats[token] = value
                }
            }
            add(entry.title, bit: 1)
            entry.aliases.forEach { add($0, bit: 2) }
            entry.headings.forEach { add($0.text, bit: 4) }
            add(entry.summary, bit: 8)
            add(entry.text, bit: 16)
            return stats
        }
        var postings: [String: [Int]] = [:]
        for (docID, stats) in perDocument.enumerated() {
            for (token, value) in stats { postings[token, default: []] += [docID, value.mask, value.tf] }
        }
        let vocab = postings.keys.sorted()

        var json = JSONWriter()
        json.raw("{\"version\":1,\"fields\":")
        json.strings(fields)
        json.raw(",\"weights\":[\(weights.map(String.init).joined(separator: ","))],")
        // The part both copies share after their "docs": written once.
        var docs = JSONWriter()
        var browserDocs = JSONWriter()
        for (index, entry) in sorted.enumerated() {
            var json = JSONWriter()
            if index > 0 { json.raw(",") }
            json.raw("{\"kind\":")
            json.string(entry.kind)
            json.raw(",\"title\":")
            json.string(entry.title)
            json.raw(",\"url\":")
            json.string(entry.url)
            json.raw(",\"summary\":")
            json.string(entry.summary)
            json.raw(",\"aliases\":")
            json.strings(entry.aliases)
            json.raw(",\"headings\":[")
            for (position, heading) in entry.headings.enumerated() {
                json.raw(position > 0 ? ",[" : "[")
                json.string(heading.text)
                json.raw(",")
                json.string(heading.id)
                json.raw("]")
            }
            json.raw("],\"text\":")
            docs.raw(json.text)
            docs.string(texts[index])
            docs.raw("}")
            if sharded {
                browserDocs.raw(json.text)
                browserDocs.raw("\"\"}")
            }
        }
        let head = json.text
        json = JSONWriter()
        json.raw("],\"vocab\":")
        json.strings(vocab)
        json.raw(",\"postings\":[")
        for (index, token) in vocab.enumerated() {
            json.raw(index > 0 ? ",[" : "[")
            json.raw((postings[token] ?? []).map(String.init).joined(separator: ","))
            json.raw("]")
        }
        json.raw("],\"synonyms\":{")
        var map: [String: Set<String>] = [:]
        for group in synonyms {
            let phrases = Set(group.map { SearchTokenizer.tokens($0).joined(separator: " ") }.filter { !$0.isEmpty })
            for phrase in phrases { map[phrase, default: []].formUnion(phrases.subtracting([phrase])) }
        }
        for (index, key) in map.keys.filter({ !(map[$0] ?? []).isEmpty }).sorted().enumerated() {
            if index > 0 { json.raw(",") }
            json.string(key)
            json.raw(":")
            json.strings((map[key] ?? []).sorted())
        }
        json.raw("}")
        let tail = json.text
        let full = head + "\"docs\":[" + docs.text + tail + "}"
        guard sharded else { return Output(json: full, browserJSON: full, textShards: []) }
        let shardCount = (texts.count + shardSize - 1) / shardSize
        let browser = head + "\"textShards\":\(shardCount),\"textShardSize\":\(shardSize),\"docs\":[" + browserDocs.text + tail + "}"
        let shards = (0..<shardCount).map { shard in
            var script = JSONWriter()
            script.strings(Array(texts[(shard * shardSize)..<min(texts.count, (shard + 1) * shardSize)]))
            return "(self.HANDBOOK_SEARCH_TEXT = self.HANDBOOK_SEARCH_TEXT || {})[\(shard)] = \(script.text);\n"
        }
        return Output(json: full, browserJSON: browser, textShards: shards)
    }
}

/// Appends JSON text; strings are escaped per RFC 8259.
struct JSONWriter {
    private(set) var text = ""

    mutating func raw(_ fragment: String) { text += fragment }

    mutating func strings(_ values: [String]) {
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            string(value)
        }
        text += "]"
    }

    mutating func string(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    text +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
