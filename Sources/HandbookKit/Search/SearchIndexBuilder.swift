/// Builds the search index from documents: each document's terms in parallel, then one pass that gives
/// every distinct token an id, stems it once, and appends postings per term.
///
/// Terms are the tokens of `SearchTokenizer`, stop words dropped, letter-only words stemmed; a term's
/// postings are `[docId, fieldMask, bodyTf, …]` for ascending doc ids (see `SearchField`).
struct SearchIndex: Sendable {
    /// In rank-tie order: kind, title, url.
    var documents: [SearchDocument]
    /// Sorted by bytes (also JavaScript's order: terms are ASCII).
    var vocab: [[UInt8]]
    /// Encoded postings of `vocab[i]` (`PostingsCoding`).
    var postings: [[UInt8]]
    /// The title and alias postings alone, for the chunked index's prefix search ("" when none).
    var namePostings: [[UInt8]]
    /// A glossary name (its terms joined by spaces, joined forms left out) → the term's other names.
    var synonyms: [(key: String, values: [String])]
    /// A title's or alias's terms, sorted and joined by spaces → the documents it names.
    var names: [(key: String, docs: [Int])]

    /// Body text kept per document for snippets; record fields come in full after it.
    static let snippetLength = 1500
    /// All snippet text kept per document: a page gathered from many records stops there.
    static let textLength = 8000

    init(documents unsorted: [SearchDocument], synonymGroups: [[String]]) {
        documents = unsorted.sorted { $0.order < $1.order }
        let perDocument = documents.parallelMap(Self.documentTokens)

        // One pass in doc order: distinct raw tokens → term ids; postings appended per term.
        var raw = ByteTable(capacity: 1 << 16)
        var rawTerm: [Int32] = []
        var terms = ByteTable(capacity: 1 << 15)
        var lists: [[Int32]] = []
        var lastDoc: [Int32] = []
        for (docID, tokens) in perDocument.enumerated() {
            for local in 0..<tokens.table.count {
                let id = raw.id(tokens.table.key(local))
                if id == rawTerm.count {
                    let token = Array(raw.key(id))
                    if SearchTokenizer.isStopWord(token) {
                        rawTerm.append(-1)
                    } else {
                        let term = terms.id(SearchTokenizer.term(token)[...])
                        if term == lists.count {
                            lists.append([])
                            lastDoc.append(-1)
                        }
                        rawTerm.append(Int32(term))
                    }
                }
                let term = Int(rawTerm[id])
                guard term >= 0 else { continue }
                let mask = Int32(tokens.masks[local])
                let tf = Int32(tokens.tfs[local])
                if lastDoc[term] == Int32(docID) {
                    let n = lists[term].count
                    lists[term][n - 2] |= mask
                    lists[term][n - 1] = min(255, lists[term][n - 1] + tf)
                } else {
                    lists[term].append(Int32(docID))
                    lists[term].append(mask)
                    lists[term].append(tf)
                    lastDoc[term] = Int32(docID)
                }
            }
        }
        let order = (0..<terms.count).sorted { terms.key($0).lexicographicallyPrecedes(terms.key($1)) }
        vocab = order.map { Array(terms.key($0)) }
        let finished = lists
        let encoded = order.parallelMap { term -> ([UInt8], [UInt8]) in
            let list = finished[term]
            var all: [UInt8] = []
            all.reserveCapacity(list.count * 2)
            PostingsCoding.encode(list[...], into: &all)
            var named: [Int32] = []
            var index = 0
            while index + 2 < list.count {
                if list[index + 1] & Int32(SearchField.title | SearchField.alias) != 0 { named += list[index..<(index + 3)] }
                index += 3
            }
            var names: [UInt8] = []
            PostingsCoding.encode(named[...], into: &names)
            return (all, names)
        }
        postings = encoded.map(\.0)
        namePostings = encoded.map(\.1)
        synonyms = Self.synonyms(synonymGroups)
        names = Self.names(documents)
    }

    /// One document's distinct raw tokens (joined forms included) with their field mask and body count.
    struct DocumentTokens: Sendable {
        var table = ByteTable(capacity: 512)
        var masks: [UInt8] = []
        var tfs: [UInt8] = []
    }

    @Sendable static func documentTokens(_ document: SearchDocument) -> DocumentTokens {
        var tokens = DocumentTokens()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        func count(_ key: UnsafeBufferPointer<UInt8>, _ bit: UInt8) {
            let id = tokens.table.id(key)
            if id == tokens.masks.count {
                tokens.masks.append(0)
                tokens.tfs.append(0)
            }
            tokens.masks[id] |= bit
            if bit == SearchField.body && tokens.tfs[id] < 255 { tokens.tfs[id] += 1 }
        }
        var pair: [UInt8] = []
        func add(_ text: String, _ bit: UInt8) {
            SearchTokenizer.fold(text, into: &buffer)
            // In names, words next to each other also count joined: "Hugging Face" is found as "huggingface".
            let joinNames = bit == SearchField.title || bit == SearchField.alias
            var previous: Range<Int>?
            buffer.withUnsafeBufferPointer { bytes in
                SearchTokenizer.scan(bytes) { range, joined in
                    let token = UnsafeBufferPointer(rebasing: bytes[range])
                    count(token, bit)
                    if let joined { count(joined, bit) }
                    guard joinNames else { return }
                    let letters = token.allSatisfy { $0 &- 0x61 < 26 }
                    if letters, joined == nil, let previous, previous.count + range.count <= SearchTokenizer.maxJoined {
                        pair.removeAll(keepingCapacity: true)
                        pair.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[previous]))
                        pair.append(contentsOf: token)
                        pair.withUnsafeBufferPointer { count($0, bit) }
                    }
                    previous = letters ? range : nil
                }
            }
        }
        add(document.title, SearchField.title)
        document.aliases.forEach { add($0, SearchField.alias) }
        document.headings.forEach { add($0.text, SearchField.heading) }
        add(document.summary, SearchField.summary)
        document.tags.forEach { add($0, SearchField.tags) }
        for part in document.parts { add(part.text, part.isBody ? SearchField.body : SearchField.facts) }
        return tokens
    }

    private static func phrase(_ text: String) -> String { SearchTokenizer.terms(text, joined: false).joined(separator: " ") }

    private static func synonyms(_ groups: [[String]]) -> [(key: String, values: [String])] {
        var map: [String: Set<String>] = [:]
        for group in groups {
            let phrases = Set(group.map(phrase).filter { !$0.isEmpty })
            for phrase in phrases { map[phrase, default: []].formUnion(phrases.subtracting([phrase])) }
        }
        return map.filter { !$0.value.isEmpty }.map { (key: $0.key, values: $0.value.sorted()) }.sorted { $0.key < $1.key }
    }

    private static func names(_ documents: [SearchDocument]) -> [(key: String, docs: [Int])] {
        var map: [String: [Int]] = [:]
        for (docID, document) in documents.enumerated() {
            let keys = Set(
                ([document.title] + document.aliases).map { SearchTokenizer.terms($0, joined: false).sorted().joined(separator: " ") })
            for key in keys where !key.isEmpty { map[key, default: []].append(docID) }
        }
        return map.map { (key: $0.key, docs: $0.value) }.sorted { $0.key < $1.key }
    }
}
