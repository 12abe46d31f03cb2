/// Builds the search index from documents: runs of documents tokenized in parallel, then one pass over the
/// runs' distinct tokens that stems each once and appends their postings per term.
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
        let keys = unsorted.map(\.order)  // once per document, not lowercased in every comparison
        documents = unsorted.indices.sorted { keys[$0] < keys[$1] }.map { unsorted[$0] }
        // Runs of documents are tokenized in parallel, each into its own table of raw tokens with postings.
        let blockSize = max(64, (documents.count + 31) / 32)
        let starts = Array(stride(from: 0, to: documents.count, by: blockSize))
        let all = documents
        let blocks = starts.parallelMap { start in Self.tokenBlock(all[start..<min(all.count, start + blockSize)], firstID: start) }

        // Then, block by block in doc order: each distinct raw token → its term (stemmed once), and the
        // block's postings appended to the term's. Raw tokens of one term in one block are merged by doc.
        var raw = ByteTable(capacity: 1 << 16)
        var rawTerm: [Int32] = []
        var terms = ByteTable(capacity: 1 << 15)
        var lists: [[Int32]] = []
        for block in blocks {
            var pairs: [(term: Int32, local: Int32)] = []
            pairs.reserveCapacity(block.lists.count)
            for local in 0..<block.table.count {
                let id = raw.id(block.table.key(local))
                if id == rawTerm.count {
                    var token = Array(raw.key(id))
                    // A title of one stop word ("About") is its page's term, marked apart from the word in any text.
                    let isName = token.first == BlockTokenizer.nameMark
                    if isName { token.removeFirst() }
                    if SearchTokenizer.isStopWord(token) && !isName {
                        rawTerm.append(-1)
                    } else {
                        let term = terms.id(SearchTokenizer.term(token)[...])
                        if term == lists.count { lists.append([]) }
                        rawTerm.append(Int32(term))
                    }
                }
                if rawTerm[id] >= 0 { pairs.append((rawTerm[id], Int32(local))) }
            }
            pairs.sort { ($0.term, $0.local) < ($1.term, $1.local) }
            var index = 0
            while index < pairs.count {
                var end = index + 1
                while end < pairs.count && pairs[end].term == pairs[index].term { end += 1 }
                let term = Int(pairs[index].term)
                if end - index == 1 {
                    lists[term] += block.lists[Int(pairs[index].local)]
                } else {
                    lists[term] += Self.merged(pairs[index..<end].map { block.lists[Int($0.local)] })
                }
                index = end
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

    /// Posting lists of one block merged into one: by doc, masks joined, body counts added (at most 255).
    private static func merged(_ lists: [[Int32]]) -> [Int32] {
        var triples: [(doc: Int32, mask: Int32, tf: Int32)] = []
        for list in lists {
            var index = 0
            while index + 2 < list.count {
                triples.append((list[index], list[index + 1], list[index + 2]))
                index += 3
            }
        }
        triples.sort { $0.doc < $1.doc }
        var out: [Int32] = []
        out.reserveCapacity(triples.count * 3)
        for triple in triples {
            if out.count >= 3, let last = out.last, out[out.count - 3] == triple.doc {
                out[out.count - 2] |= triple.mask
                out[out.count - 1] = min(255, last + triple.tf)
            } else {
                out += [triple.doc, triple.mask, triple.tf]
            }
        }
        return out
    }

    /// The raw tokens (joined forms included) of a run of documents, each with its postings.
    struct TokenBlock: Sendable {
        var table = ByteTable(capacity: 1 << 14)
        /// `[docId, fieldMask, bodyTf, …]` of each raw token, by its id in `table`.
        var lists: [[Int32]] = []
    }

    /// Counts tokens into a block: one table lookup per token, no table per document.
    private struct BlockCounter {
        var block = TokenBlock()
        var masks: [UInt8] = []
        var tfs: [UInt16] = []
        /// Tokens seen in the current document.
        var touched: [Int32] = []

        mutating func count(_ key: UnsafeBufferPointer<UInt8>, _ bit: UInt8) {
            let id = block.table.id(key)
            if id == masks.count {
                masks.append(0)
                tfs.append(0)
                block.lists.append([])
            }
            if masks[id] == 0 { touched.append(Int32(id)) }
            masks[id] |= bit
            if bit == SearchField.body { tfs[id] &+= 1 }
        }

        mutating func endDocument(_ docID: Int) {
            for id in touched.map(Int.init) {
                block.lists[id].append(Int32(docID))
                block.lists[id].append(Int32(masks[id]))
                block.lists[id].append(Int32(min(255, tfs[id])))
                masks[id] = 0
                tfs[id] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
    }

    @Sendable static func tokenBlock(_ documents: ArraySlice<SearchDocument>, firstID: Int) -> TokenBlock {
        var tokenizer = BlockTokenizer()
        for (offset, document) in documents.enumerated() {
            tokenizer.add(document.title, SearchField.title)
            document.aliases.forEach { tokenizer.add($0, SearchField.alias) }
            document.headings.forEach { tokenizer.add($0.text, SearchField.heading) }
            tokenizer.add(document.summary, SearchField.summary)
            document.tags.forEach { tokenizer.add($0, SearchField.tags) }
            for part in document.parts { tokenizer.add(part.text, part.isBody ? SearchField.body : SearchField.facts) }
            tokenizer.counter.endDocument(firstID + offset)
        }
        return tokenizer.counter.block
    }

    /// A block's counter and the buffers it tokenizes with, in one value: its state is checked for overlapping
    /// access when compiled, not on every token at run time (the checks were 1.5% of a 10,000-article build while
    /// this was a nested function capturing the same variables).
    private struct BlockTokenizer {
        var counter = BlockCounter()
        var buffer: [UInt8] = []
        var pair: [UInt8] = []

        /// Before a name of one stop word, which is kept though the word is not: no token starts with a control byte.
        static let nameMark: UInt8 = 0x01

        init() { buffer.reserveCapacity(8192) }

        mutating func add(_ text: String, _ bit: UInt8) {
            // In names, words next to each other also count joined: "Hugging Face" is found as "huggingface".
            let joinNames = bit == SearchField.title || bit == SearchField.alias
            if joinNames, let name = SearchTokenizer.stopWordName(text) {
                let bytes = Array(name.utf8)
                (SearchTokenizer.isStopWord(bytes) ? [Self.nameMark] + bytes : bytes).withUnsafeBufferPointer { counter.count($0, bit) }
            }
            SearchTokenizer.fold(text, into: &buffer)
            var previous: Range<Int>?
            let folded = buffer
            folded.withUnsafeBufferPointer { bytes in
                SearchTokenizer.scan(bytes) { range, joined in
                    let token = UnsafeBufferPointer(rebasing: bytes[range])
                    counter.count(token, bit)
                    if let joined { counter.count(joined, bit) }
                    guard joinNames else { return }
                    let letters = token.allSatisfy { $0 &- 0x61 < 26 }
                    if letters, joined == nil, let previous, previous.count + range.count <= SearchTokenizer.maxJoined {
                        pair.removeAll(keepingCapacity: true)
                        pair.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[previous]))
                        pair.append(contentsOf: token)
                        pair.withUnsafeBufferPointer { counter.count($0, bit) }
                    }
                    previous = letters ? range : nil
                }
            }
        }
    }

    /// A title's or alias's key among the names: its terms, sorted; for a name of stop words alone, its words joined.
    static func nameKey(_ name: String) -> String {
        if let joined = SearchTokenizer.stopWordName(name) {
            return String(decoding: SearchTokenizer.term(Array(joined.utf8)), as: UTF8.self)
        }
        return SearchTokenizer.terms(name, joined: false).sorted().joined(separator: " ")
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
            let keys = Set(([document.title] + document.aliases).map(nameKey))
            for key in keys where !key.isEmpty { map[key, default: []].append(docID) }
        }
        return map.map { (key: $0.key, docs: $0.value) }.sorted { $0.key < $1.key }
    }
}
