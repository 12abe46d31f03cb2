import Foundation
import Testing

@testable import HandbookKit

@Suite struct SearchIndexTests {
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

    struct Index: Decodable {
        struct Doc: Decodable {
            var kind: String
            var title: String
            var url: String
            var summary: String
            var aliases: [String]
            var headings: [[String]]
            var text: String
        }
        var version: Int
        var fields: [String]
        var weights: [Int]
        var docs: [Doc]
        var vocab: [String]
        var postings: [[Int]]
        var synonyms: [String: [String]]
    }

    static func index() throws -> Index {
        let entries = [
            SearchIndexBuilder.Entry(
                kind: "term", title: "PostgreSQL", url: "terms/postgresql.html", summary: "A relational database.",
                aliases: ["Postgres"], headings: [.init(level: 2, text: "What it is", id: "what-it-is")],
                text: "Postgres stores rows. Postgres is fast."),
            SearchIndexBuilder.Entry(
                kind: "article", title: "Databases", url: "articles/databases.html", summary: "Where data lives.",
                aliases: [], headings: [], text: "Many teams pick PostgreSQL."),
        ]
        let json = SearchIndexBuilder.json(for: entries, synonyms: [["PostgreSQL", "Postgres"], ["Weights & Biases", "W&B"]])
        return try JSONDecoder().decode(Index.self, from: Data(json.utf8))
    }

    @Test func documentsAreSortedAndComplete() throws {
        let index = try Self.index()
        #expect(index.version == 1)
        #expect(index.fields == ["title", "alias", "heading", "summary", "body"])
        #expect(index.docs.map(\.url) == ["articles/databases.html", "terms/postgresql.html"])
        #expect(index.docs[1].headings == [["What it is", "what-it-is"]])
        #expect(index.docs[1].aliases == ["Postgres"])
    }

    @Test func postingsCarryFieldMasksAndBodyCounts() throws {
        let index = try Self.index()
        #expect(index.vocab == index.vocab.sorted())
        #expect(index.vocab.count == index.postings.count)
        func postings(_ token: String) -> [Int] { index.vocab.firstIndex(of: token).map { index.postings[$0] } ?? [] }
        // doc 1 (PostgreSQL): title bit 1; doc 0: body bit 16, once.
        #expect(postings("postgresql") == [0, 16, 1, 1, 1, 0])
        // alias bit 2 + body bit 16, twice in the body.
        #expect(postings("postgres") == [1, 2 | 16, 2])
        #expect(postings("what") == [1, 4, 0])
        #expect(postings("relational") == [1, 8, 0])
    }

    @Test func aliasesBecomeSynonymsBothWays() throws {
        let index = try Self.index()
        #expect(
            index.synonyms == [
                "postgres": ["postgresql"], "postgresql": ["postgres"], "w b": ["weights biases"], "weights biases": ["w b"],
            ])
    }

    @Test func jsonStringsAreEscaped() {
        var writer = JSONWriter()
        writer.string("a\"b\\c\n\u{1}\u{2028}</script>")
        #expect(writer.text == #""a\"b\\c\n\u0001\u2028</script>""#)
    }
}

@Suite struct SearchIndexShardTests {
    static func entries(_ count: Int) -> [SearchIndexBuilder.Entry] {
        (0..<count).map { index in
            SearchIndexBuilder.Entry(
                kind: "article", title: "A\(index)", url: "articles/a\(String(format: "%03d", index)).html", summary: "S.", aliases: [],
                headings: [], text: "body text number \(index)")
        }
    }

    @Test func smallSitesKeepOneFile() {
        let output = SearchIndexBuilder.build(Self.entries(5), synonyms: [], shardAbove: 2_000_000)
        #expect(output.browserJSON == output.json)
        #expect(output.textShards.isEmpty)
    }

    @Test func largeSitesMoveSnippetTextIntoShards() throws {
        let output = SearchIndexBuilder.build(Self.entries(5), synonyms: [], shardAbove: 10, shardSize: 2)
        #expect(output.json.contains("\"text\":\"body text number 4\""))
        #expect(output.browserJSON.contains("\"textShards\":3,\"textShardSize\":2,\"docs\":["))
        #expect(!output.browserJSON.contains("body text number"))
        #expect(
            output.textShards == [
                "(self.HANDBOOK_SEARCH_TEXT = self.HANDBOOK_SEARCH_TEXT || {})[0] = [\"body text number 0\",\"body text number 1\"];\n",
                "(self.HANDBOOK_SEARCH_TEXT = self.HANDBOOK_SEARCH_TEXT || {})[1] = [\"body text number 2\",\"body text number 3\"];\n",
                "(self.HANDBOOK_SEARCH_TEXT = self.HANDBOOK_SEARCH_TEXT || {})[2] = [\"body text number 4\"];\n",
            ])
        // Both copies are valid JSON with the same postings.
        let full = try JSONDecoder().decode(SearchIndexTests.Index.self, from: Data(output.json.utf8))
        let browser = try JSONDecoder().decode(SearchIndexTests.Index.self, from: Data(output.browserJSON.utf8))
        #expect(full.postings == browser.postings)
        #expect(browser.docs.allSatisfy { $0.text.isEmpty })
    }
}
