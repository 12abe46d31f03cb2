/// Writes a `SearchIndex` as files: `search-index.json` (everything, for node and tools) and the
/// browser's `search-index.js`, which is the same index on a small site, or a small root whose chunks
/// under `search/` load as scripts (file:// allows no fetch) for the words typed:
///
/// - `search/w-<c>.js`: the terms starting with character c, their title and alias postings, and the
///   synonyms and names starting with c. Enough for typo matching and for short prefixes.
/// - `search/p-<n>.js`: the full postings of a run of consecutive terms; the root lists each run's first term.
/// - `search/h-<n>.js`: the heads of `headChunk` documents, `[kind, title, url]` each: what a result row needs
///   to show at once. A few of these cover a whole site of 10,000 pages, so after the first keystrokes the
///   rows of any query are on screen without waiting for a script.
/// - `search/d-<n>.js`: `docChunk` documents for display (title, url, snippet text, anchors); a row's snippet
///   and deep link follow when its chunk arrives.
/// - `search/vocab.js`: every term, front-coded (`frontCoded`), for typos whatever their first letter ("ypthon" is one
///   edit from "python").
///
/// On a chunked site, `search-index.json` also lists the posting chunks' first terms (`postingChunks`), so that
/// the client reading it whole limits typo matches and broad prefixes to the same chunks as the browser.
enum SearchIndexWriter {
    static let postingChunkBytes = 48_000
    static let docChunk = 8
    static let headChunk = 1024

    static func files(_ index: SearchIndex, chunkAbove: Int) -> [OutputFile] {
        let docs = index.documents.parallelMap(documentJSON)
        var json = JSONBytes(capacity: docs.reduce(0) { $0 + $1.count } + index.postings.reduce(0) { $0 + $1.count } + 1 << 20)
        header(&json, index, chunked: false)
        json.raw(",\"docs\":[")
        for (docID, doc) in docs.enumerated() {
            if docID > 0 { json.raw(",") }
            json.raw(doc)
        }
        json.raw("],\"vocab\":[")
        for (index, term) in index.vocab.enumerated() {
            if index > 0 { json.raw(",") }
            json.plainString(term)
        }
        json.raw("],\"postings\":[")
        for (index, list) in index.postings.enumerated() {
            if index > 0 { json.raw(",") }
            json.plainString(list)
        }
        json.raw("],")
        synonymsAndNames(&json, index.synonyms, index.names)
        guard json.bytes.count + 1 > chunkAbove else {
            json.raw("}")
            let whole = json.text
            return [
                OutputFile(path: "search-index.json", contents: whole + "\n"),
                OutputFile(path: "search-index.js", contents: "self.HANDBOOK_SEARCH_INDEX = \(whole);\n"),
            ]
        }
        let runs = postingRuns(index)
        json.raw(",")
        postingChunks(&json, index, runs)
        json.raw("}")
        return [OutputFile(path: "search-index.json", contents: json.text + "\n")] + chunks(index, docs: docs, runs: runs)
    }

    /// Runs of consecutive terms whose postings come to about `postingChunkBytes`, one per `p-<n>` chunk.
    static func postingRuns(_ index: SearchIndex) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < index.vocab.count {
            var end = start
            var size = 0
            while end < index.vocab.count && (end == start || size + index.postings[end].count <= postingChunkBytes) {
                size += index.postings[end].count + index.vocab[end].count + 6
                end += 1
            }
            runs.append(start..<end)
            start = end
        }
        return runs
    }

    /// The longest shared prefix `frontCoded` writes: its length is one character from "0" (0x30) up to "Y" (0x59).
    static let maxSharedPrefix = 41

    /// The sorted terms as one JSON string, front-coded: each term is the length of the prefix it shares with the
    /// one before (a character, "0" + length) and the rest of it; terms are separated by spaces. Less than half of
    /// a JSON array of the terms (at 10,000 articles: 0.16 MB instead of 0.38 MB).
    static func frontCoded(_ vocab: [[UInt8]]) -> JSONBytes {
        var json = JSONBytes(capacity: vocab.reduce(0) { $0 + $1.count + 2 } + 2)
        var text: [UInt8] = []
        var previous: [UInt8] = []
        for term in vocab {
            var shared = 0
            while shared < min(previous.count, term.count, maxSharedPrefix) && previous[shared] == term[shared] { shared += 1 }
            if !text.isEmpty { text.append(UInt8(ascii: " ")) }
            text.append(UInt8(ascii: "0") + UInt8(shared))
            text += term[shared...]
            previous = term
        }
        json.plainString(text)
        return json
    }

    /// `"postingChunks":[first term of each run]`.
    private static func postingChunks(_ json: inout JSONBytes, _ index: SearchIndex, _ runs: [Range<Int>]) {
        json.raw("\"postingChunks\":[")
        for (number, run) in runs.enumerated() {
            if number > 0 { json.raw(",") }
            json.plainString(index.vocab[run.lowerBound])
        }
        json.raw("]")
    }

    private static func header(_ json: inout JSONBytes, _ index: SearchIndex, chunked: Bool) {
        json.raw("{\"version\":2,\"fields\":")
        json.strings(SearchField.names)
        json.raw(",\"weights\":")
        json.ints(SearchField.weights)
        if chunked {
            json.raw(",\"chunked\":true,\"docCount\":")
            json.int(index.documents.count)
            json.raw(",\"docChunk\":")
            json.int(docChunk)
            json.raw(",\"headChunk\":")
            json.int(headChunk)
        }
    }

    private static func synonymsAndNames(
        _ json: inout JSONBytes, _ synonyms: some Collection<(key: String, values: [String])>,
        _ names: some Collection<(key: String, docs: [Int])>
    ) {
        json.raw("\"synonyms\":{")
        for (index, entry) in synonyms.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(entry.key)
            json.raw(":")
            json.strings(entry.values)
        }
        json.raw("},\"names\":{")
        for (index, entry) in names.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(entry.key)
            json.raw(":")
            json.ints(entry.docs)
        }
        json.raw("}")
    }

    @Sendable static func documentJSON(_ document: SearchDocument) -> [UInt8] {
        var json = JSONBytes(capacity: 2048)
        json.raw("{\"kind\":")
        json.string(document.kind)
        json.raw(",\"title\":")
        json.string(document.title)
        json.raw(",\"url\":")
        json.string(document.url)
        json.raw(",\"summary\":")
        json.string(document.summary)
        if !document.section.isEmpty {
            json.raw(",\"section\":")
            json.string(document.section)
        }
        json.raw(",\"aliases\":")
        json.strings(document.aliases)
        json.raw(",\"headings\":[")
        for (index, heading) in document.headings.enumerated() {
            json.raw(index > 0 ? ",[" : "[")
            json.string(heading.text)
            json.raw(",")
            json.string(heading.id)
            json.raw("]")
        }
        json.raw("],\"tags\":")
        json.strings(document.tags)
        // Snippet text: the parts in page order, the body cut; sections say where each anchor's part starts
        // (in UTF-16 code units, JavaScript's string offsets).
        // Lengths count Unicode scalars: cheaper than characters, and the same for the ASCII most text is.
        var text = ""
        var length = 0
        var sections: [(Int, String)] = []
        var offset = 0
        for part in document.parts {
            let room = min(part.isBody ? SearchIndex.snippetLength : Int.max, SearchIndex.textLength - length - 1)
            var piece = prefix(part.text, scalars: room)
            if piece.isEmpty { continue }
            if !text.isEmpty {
                piece = " " + piece
            }
            if sections.last?.1 ?? "" != part.anchor { sections.append((offset + (text.isEmpty ? 0 : 1), part.anchor)) }
            text += piece
            length += piece.unicodeScalars.count
            offset += piece.utf16.count
        }
        json.raw(",\"text\":")
        json.string(text)
        json.raw(",\"sections\":[")
        for (index, section) in sections.enumerated() {
            json.raw(index > 0 ? ",[" : "[")
            json.int(section.0)
            json.raw(",")
            json.string(section.1)
            json.raw("]")
        }
        json.raw("]}")
        return json.bytes
    }

    /// The first `count` Unicode scalars of `text` (all of it when shorter).
    static func prefix(_ text: String, scalars count: Int) -> String {
        guard count > 0 else { return "" }
        let utf8 = text.utf8
        if utf8.count <= count { return text }
        if utf8.prefix(count).allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8.prefix(count), as: UTF8.self) }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(count)))
    }

    /// `search/<prefix>-<n>.js` for every `size` documents: a JSON array of `element` for each.
    private static func documentChunks(
        _ prefix: String, size: Int, count: Int, element: (inout JSONBytes, Int) -> Void
    ) -> [OutputFile] {
        stride(from: 0, to: count, by: size).map { first in
            var json = JSONBytes(capacity: 16_384)
            json.raw("[")
            for docID in first..<min(count, first + size) {
                if docID > first { json.raw(",") }
                element(&json, docID)
            }
            json.raw("]")
            return script("\(prefix)-\(first / size)", json)
        }
    }

    private static func script(_ name: String, _ body: JSONBytes) -> OutputFile {
        OutputFile(
            path: "search/\(name).js",
            contents: "(self.HANDBOOK_SEARCH_CHUNKS = self.HANDBOOK_SEARCH_CHUNKS || {})[\"\(name)\"] = \(body.text);\n")
    }

    private static func chunks(_ index: SearchIndex, docs: [[UInt8]], runs: [Range<Int>]) -> [OutputFile] {
        var files: [OutputFile] = []
        // Terms by first character.
        var letters: [UInt8] = []
        var start = 0
        while start < index.vocab.count {
            let letter = index.vocab[start][0]
            var end = start
            while end < index.vocab.count && index.vocab[end][0] == letter { end += 1 }
            letters.append(letter)
            var json = JSONBytes(capacity: 1 << 16)
            json.raw("{\"words\":[")
            for term in start..<end {
                if term > start { json.raw(",") }
                json.plainString(index.vocab[term])
            }
            json.raw("],\"named\":[")
            for term in start..<end {
                if term > start { json.raw(",") }
                json.plainString(index.namePostings[term])
            }
            json.raw("],")
            let first = { (key: String) in key.utf8.first == letter }
            synonymsAndNames(&json, index.synonyms.filter { first($0.key) }, index.names.filter { first($0.key) })
            json.raw("}")
            files.append(script("w-" + String(decoding: [letter], as: UTF8.self), json))
            start = end
        }
        files.append(script("vocab", frontCoded(index.vocab)))
        // Runs of terms with their postings.
        for (number, run) in runs.enumerated() {
            var json = JSONBytes(capacity: run.reduce(0) { $0 + index.postings[$1].count + index.vocab[$1].count + 6 } + 64)
            json.raw("{\"words\":[")
            for term in run {
                if term > run.lowerBound { json.raw(",") }
                json.plainString(index.vocab[term])
            }
            json.raw("],\"postings\":[")
            for term in run {
                if term > run.lowerBound { json.raw(",") }
                json.plainString(index.postings[term])
            }
            json.raw("]}")
            files.append(script("p-\(number)", json))
        }
        // Heads of documents, for result rows, and documents whole, for snippets.
        files += documentChunks("h", size: headChunk, count: docs.count) { json, docID in
            let document = index.documents[docID]
            json.raw("[")
            json.string(document.kind)
            json.raw(",")
            json.string(document.title)
            json.raw(",")
            json.string(document.url)
            if !document.section.isEmpty {
                json.raw(",")
                json.string(document.section)
            }
            json.raw("]")
        }
        files += documentChunks("d", size: docChunk, count: docs.count) { json, docID in json.raw(docs[docID]) }
        var root = JSONBytes(capacity: 1 << 16)
        header(&root, index, chunked: true)
        root.raw(",\"letters\":")
        root.plainString(letters)
        root.raw(",")
        postingChunks(&root, index, runs)
        root.raw("}")
        return [OutputFile(path: "search-index.js", contents: "self.HANDBOOK_SEARCH_INDEX = \(root.text);\n")] + files
    }
}
