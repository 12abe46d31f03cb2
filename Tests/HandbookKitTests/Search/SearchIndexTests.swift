import Foundation
import Testing

@testable import HandbookKit

@Suite struct SearchTokenizerTests {
    @Test(arguments: [
        ("C++ and C#", ["c++", "and", "c#"]),
        ("Node.js", ["node", "js"]),
        ("Résumé", ["resume"]),
        ("Weights & Biases", ["weights", "biases"]),
        ("scikit-learn 1.5", ["scikit", "learn", "1", "5"]),
        ("ＦＵＬＬ width", ["full", "width"]),
        ("+#only", ["only"]),
        ("C++11", ["c++", "11"]),
    ])
    func tokenizerMatchesTheClient(_ text: String, _ tokens: [String]) {
        #expect(SearchTokenizer.tokens(text) == tokens)
    }

    @Test(arguments: [
        ("Node.js and CI/CD", ["node", "js", "nodej", "ci", "cd", "cicd"]),
        ("scikit-learn", ["scikit", "learn", "scikitlearn"]),
        ("What does a data scientist do?", ["data", "scientist"]),
        ("Salaries of streaming engineers", ["salari", "stream", "engin"]),
        ("C++ / Python 3.12", ["c++", "python", "3", "12"]),
        ("IT in the US", ["it", "us"]),
    ])
    func termsAreStemmedJoinedAndFree(_ text: String, _ terms: [String]) {
        #expect(SearchTokenizer.terms(text) == terms)
    }

    @Test(arguments: [
        ("salaries", "salari"), ("salary", "salari"), ("streaming", "stream"), ("streams", "stream"), ("dying", "die"),
        ("generously", "generous"), ("succeeded", "succeed"), ("skies", "sky"), ("running", "run"), ("hopping", "hop"),
        ("hoping", "hope"), ("communication", "communic"), ("analysis", "analysi"), ("sayings", "say"), ("by", "by"),
    ])
    func porter2(_ word: String, _ stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    /// Tests/SearchJS/fixtures/porter2.tsv: every word of the handbook and of the benchmark corpus, stemmed by PyPI's
    /// snowballstemmer (Tests/Browser/test_stemmer.py checks the file against it and regenerates it).
    @Test func porter2AgreesWithSnowballOnTheWholeVocabulary() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../SearchJS/fixtures/porter2.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var checked = 0
        var wrong: [String] = []
        for line in text.split(separator: "\n") {
            let pair = line.split(separator: "\t")
            guard pair.count == 2 else { continue }
            checked += 1
            if PorterStemmer.stem(String(pair[0])) != pair[1] {
                wrong.append("\(pair[0]) → \(PorterStemmer.stem(String(pair[0]))), not \(pair[1])")
            }
        }
        #expect(checked > 5000)
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
    }
}

@Suite struct SearchIndexTests {
    struct Index: Decodable {
        struct Doc: Decodable {
            var kind: String
            var title: String
            var url: String
            var summary: String
            var aliases: [String]
            var headings: [[String]]
            var tags: [String]
            var text: String
        }
        var version: Int
        var fields: [String]
        var weights: [Int]
        var docs: [Doc]
        var vocab: [String]
        var postings: [String]
        var synonyms: [String: [String]]
        var names: [String: [Int]]
    }

    static let documents = [
        SearchDocument(
            kind: "term", title: "PostgreSQL", url: "terms/postgresql.html", summary: "A relational database.",
            aliases: ["Postgres"], headings: [.init(level: 2, text: "What it is", id: "what-it-is")],
            parts: [.init(anchor: "", text: "Postgres stores rows. Postgres is fast.", isBody: true)]),
        SearchDocument(
            kind: "article", title: "Databases", url: "articles/databases.html", summary: "Where data lives.", tags: ["Storage"],
            parts: [.init(anchor: "", text: "Many teams pick PostgreSQL.", isBody: true)]),
        SearchDocument(
            kind: "archetype", title: "Data Engineer", url: "archetypes/data-engineer.html", summary: "Moves data.",
            parts: [
                .init(anchor: "", text: "Salary premium: +10%."),
                .init(anchor: "", text: "Builds pipelines. Salaries follow the salary band.", isBody: true),
                .init(anchor: "must-have", text: "Must-have skills: SQL"),
            ]),
    ]

    static func index(chunkAbove: Int = .max) throws -> (Index, [OutputFile]) {
        let built = SearchIndex(documents: documents, synonymGroups: [["PostgreSQL", "Postgres"], ["Weights & Biases", "W&B"]])
        let files = SearchIndexWriter.files(built, chunkAbove: chunkAbove)
        let json = try #require(files.first { $0.path == "search-index.json" }).contents
        return (try JSONDecoder().decode(Index.self, from: Data(json.utf8)), files)
    }

    /// A title of stop words alone ("How to", "What we do", common in wikis) is indexed as its words joined, and is the
    /// whole name of its page, as a query of stop words alone is searched (search-engine.js `queryWords`).
    @Test func aTitleOfStopWordsAloneIsFoundByItsWordsJoined() throws {
        let documents = ["How to", "How to hire", "What we do", "What should I be doing?", "About"].enumerated().map { index, title in
            SearchDocument(
                kind: "article", title: title, url: "articles/\(index).html", summary: "",
                parts: [.init(anchor: "", text: "Text.", isBody: true)])
        }
        let built = SearchIndex(documents: documents, synonymGroups: [])
        let json = try #require(SearchIndexWriter.files(built, chunkAbove: .max).first { $0.path == "search-index.json" }).contents
        let index = try JSONDecoder().decode(Index.self, from: Data(json.utf8))
        func term(_ word: String) -> String { String(decoding: SearchTokenizer.term(Array(word.utf8)), as: UTF8.self) }
        let docOf = Dictionary(uniqueKeysWithValues: index.docs.enumerated().map { ($1.title, $0) })
        for (title, joined) in [
            ("How to", "howto"), ("What we do", "whatwedo"), ("What should I be doing?", "whatshouldibedoing"), ("About", "about"),
        ] {
            let position = try #require(index.vocab.firstIndex(of: term(joined)), "\(joined)")
            let postings = Self.decode(index.postings[position])
            #expect(stride(from: 0, to: postings.count, by: 3).contains { postings[$0] == docOf[title] && postings[$0 + 1] & 1 != 0 })
            #expect(index.names[term(joined)] == [docOf[title]!])
        }
        // "How to hire" is named by its own word; its words joined are a pair, as every title's are.
        #expect(index.names["hire"] == [docOf["How to hire"]!])
        #expect(SearchTokenizer.stopWordName("How to hire") == nil)
    }

    static func decode(_ postings: String) -> [Int] {
        let alphabet = Array(PostingsCoding.alphabet)
        var out: [Int] = []
        var number = 0
        var shift = 0
        var doc = 0
        for byte in postings.utf8 {
            let digit = alphabet.firstIndex(of: byte) ?? 0
            number |= (digit & 31) << shift
            shift += 5
            if digit >= 32 { continue }
            if out.count % 3 == 0 {
                doc += number
                out.append(doc)
            } else {
                out += [number & 127, number >> 7]
            }
            number = 0
            shift = 0
        }
        return out
    }

    @Test func documentsAreInTieOrderAndComplete() throws {
        let (index, _) = try Self.index()
        #expect(index.version == 2)
        #expect(index.fields == ["title", "alias", "heading", "summary", "body", "facts", "tags"])
        // Kind first (term, archetype, company, article, page), then title.
        #expect(index.docs.map(\.url) == ["terms/postgresql.html", "archetypes/data-engineer.html", "articles/databases.html"])
        #expect(index.docs[0].headings == [["What it is", "what-it-is"]])
        #expect(index.docs[0].aliases == ["Postgres"])
        #expect(index.docs[2].tags == ["Storage"])
        #expect(index.docs[1].text == "Salary premium: +10%. Builds pipelines. Salaries follow the salary band. Must-have skills: SQL")
    }

    @Test func postingsCarryFieldMasksAndBodyCounts() throws {
        let (index, _) = try Self.index()
        #expect(index.vocab == index.vocab.sorted())
        func postings(_ term: String) -> [Int] { index.vocab.firstIndex(of: term).map { Self.decode(index.postings[$0]) } ?? [] }
        // doc 0 (PostgreSQL): title bit 1; doc 2: body bit 16, once.
        #expect(postings("postgresql") == [0, 1, 0, 2, 16, 1])
        // alias bit 2 + body bit 16, twice in the body.
        #expect(postings("postgr") == [0, 2 | 16, 2])
        #expect(postings("relat") == [0, 8, 0])
        // Two words of one stem in one document: one posting, both fields, both counted.
        #expect(postings("salari") == [1, 32 | 16, 2])
        #expect(postings("storag") == [2, 64, 0])
        // Stop words are no terms.
        #expect(!index.vocab.contains("is") && !index.vocab.contains("what"))
    }

    @Test func aliasesBecomeSynonymsBothWaysAndNamesFindTheirDocuments() throws {
        let (index, _) = try Self.index()
        #expect(
            index.synonyms == [
                "postgr": ["postgresql"], "postgresql": ["postgr"], "w b": ["weight bias"], "weight bias": ["w b"],
            ])
        #expect(index.names["data engin"] == [1])
        #expect(index.names["postgr"] == [0])
    }

    @Test func smallSitesGetTheWholeIndexAsAScript() throws {
        let (_, files) = try Self.index()
        #expect(files.map(\.path) == ["search-index.json", "search-index.js"])
        let json = try #require(files.first?.contents)
        #expect(files[1].contents == "self.HANDBOOK_SEARCH_INDEX = \(json.dropLast());\n")
    }

    @Test func frontCodingSharesPrefixesUpToALimit() {
        let long = Array(repeating: UInt8(ascii: "a"), count: 50)
        let coded = SearchIndexWriter.frontCoded([Array("node".utf8), Array("nodej".utf8), Array("python".utf8), long, long + [0x62]])
        #expect(coded.text == "\"0node 4j 0python 0\(String(repeating: "a", count: 50)) Y\(String(repeating: "a", count: 9))b\"")
    }

    @Test func largeSitesGetARootAndChunks() throws {
        let (_, files) = try Self.index(chunkAbove: 10)
        let paths = files.map(\.path)
        #expect(paths.contains("search-index.json") && paths.contains("search-index.js"))
        #expect(paths.contains("search/w-p.js") && paths.contains("search/p-0.js") && paths.contains("search/d-0.js"))
        let root = try #require(files.first { $0.path == "search-index.js" }).contents
        #expect(root.hasPrefix("self.HANDBOOK_SEARCH_INDEX = {\"version\":2,"))
        #expect(root.contains("\"chunked\":true,\"docCount\":3,\"docChunk\":8,\"headChunk\":1024"))
        #expect(!root.contains("Postgres stores rows"))
        let letter = try #require(files.first { $0.path == "search/w-p.js" }).contents
        #expect(
            letter.hasPrefix(
                "(self.HANDBOOK_SEARCH_CHUNKS = self.HANDBOOK_SEARCH_CHUNKS || {})[\"w-p\"] = {\"words\":[\"pick\",\"pipelin\""))
    }

    @Test func largeSitesGetEveryDocumentsHeadForResultRows() throws {
        let (index, files) = try Self.index(chunkAbove: 10)
        let heads = try #require(files.first { $0.path == "search/h-0.js" }).contents
        let prefix = "(self.HANDBOOK_SEARCH_CHUNKS = self.HANDBOOK_SEARCH_CHUNKS || {})[\"h-0\"] = "
        #expect(heads.hasPrefix(prefix) && heads.hasSuffix(";\n"))
        let rows = try JSONDecoder().decode([[String]].self, from: Data(heads.dropFirst(prefix.count).dropLast(2).utf8))
        #expect(rows == index.docs.map { [$0.kind, $0.title, $0.url] })
        #expect(!files.contains { $0.path == "search/h-1.js" })
    }

    @Test func largeSitesListEveryTermForTyposAndTheChunksInTheJSON() throws {
        let (index, files) = try Self.index(chunkAbove: 10)
        let vocab = try #require(files.first { $0.path == "search/vocab.js" }).contents
        let prefix = "(self.HANDBOOK_SEARCH_CHUNKS = self.HANDBOOK_SEARCH_CHUNKS || {})[\"vocab\"] = \""
        #expect(vocab.hasPrefix(prefix) && vocab.hasSuffix("\";\n"))
        // Front-coded: the length of the prefix shared with the term before ("0" + n), then the rest.
        var terms: [String] = []
        for entry in vocab.dropFirst(prefix.count).dropLast(3).split(separator: " ") {
            let shared = Int(try #require(entry.utf8.first)) - 0x30
            terms.append(String((terms.last ?? "").prefix(shared)) + entry.dropFirst())
        }
        #expect(terms == index.vocab)
        // The whole index names the posting chunks as the root does: one here, from the first term.
        let json = try #require(files.first { $0.path == "search-index.json" }).contents
        let root = try #require(files.first { $0.path == "search-index.js" }).contents
        let chunks = "\"postingChunks\":[\"\(index.vocab[0])\"]"
        #expect(json.hasSuffix(",\(chunks)}\n") && root.contains(chunks))
        #expect(!(try Self.index().1[0].contents.contains("postingChunks")))
    }

    @Test func jsonStringsAreEscaped() {
        var writer = JSONBytes()
        writer.string("a\"b\\c\n\u{1}\u{2028}</script>é")
        #expect(writer.text == #""a\"b\\c\n\u0001\u2028</script>é""#)
    }
}

/// Folding by runs (ASCII in place, the rest through Foundation) gives what folding the whole text gives.
@Suite struct FoldByRunsTests {
    @Test(arguments: [
        "Plain ASCII Text", "We’re “quoted” – dashes", "Café CRÈME e\u{301}tude", "ﬁnancial ① ＡＢＣ", "Straße İstanbul",
        "日本語 and English", "", "ÀÉÎ", "a\u{300}\u{301}b",
    ])
    func foldingByRunsMatchesFoldingTheWhole(_ text: String) {
        var buffer: [UInt8] = []
        SearchTokenizer.fold(text, into: &buffer)
        #expect(buffer == Array(SearchTokenizer.fold(text).utf8))
    }
}
