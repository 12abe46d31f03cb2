import Testing

@testable import HandbookKit

@Suite struct NameIndexTests {
    /// The ASCII fast path keys names as the general rule does, for every ASCII character in several positions.
    @Test func asciiKeysFollowTheGeneralRule() {
        let characters = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var names = characters.flatMap { [$0, "A\($0)b", " \($0) 9\($0)", "\($0)\($0)Xy \($0)"] }
        names += ["", " ", "\r\n", "  Django  REST\tFramework ", "CI/CD", "Weights & Biases", "a\u{0B}b\u{0C}c"]
        for name in names {
            #expect(NameIndex.asciiKey(name) == NameIndex.unicodeKey(name), "\(name.debugDescription)")
        }
        #expect(NameIndex.asciiKey("Café") == nil)
        #expect(NameIndex.key("  Café  Crème ") == "café crème")
    }

    /// Every item's names, as `names(of:)` gives them, in the order of `documents`.
    @Test func everyItemIsVisitedWithItsNames() {
        let harness = MarkdownHarness(
            terms: [.init(slug: "django", title: "Django", aliases: ["DRF", "Django REST"]), .init(slug: "python", title: "Python")],
            articles: [(slug: "guide", title: "The Guide")], companies: [(slug: "acme", title: "Acme")])
        var visited: [(ItemID, [String])] = []
        harness.content.forEachItem { visited.append(($0, $1)) }
        #expect(visited.map(\.0) == harness.content.documents.map(\.id))
        #expect(visited.map(\.1) == harness.content.documents.map { harness.content.names(of: $0.id) })
        #expect(NameIndex(harness.content).resolve("django rest") == [ItemID(.term, "django")])
    }
}
