import Testing

@testable import HandbookKit

@Suite struct GlossaryMatcherTests {
    private func names(_ text: String, _ matcher: GlossaryMatcher) -> [String] {
        matcher.matches(in: text).map { String(text[$0.range]) }
    }

    @Test func longestMatchWinsAndMatchesDoNotOverlap() {
        let matcher = GlossaryMatcher(names: [
            [.init("Spark", matchCase: false)], [.init("Apache Spark", matchCase: false)], [.init("Apache", matchCase: false)],
        ])
        #expect(names("Apache Spark, Apache and Spark", matcher) == ["Apache Spark", "Apache", "Spark"])
        #expect(matcher.matches(in: "Apache Spark").map(\.term) == [1])
    }

    @Test(arguments: [
        ("pipeline", "pipelines"), ("library", "libraries"), ("box", "boxes"), ("batch", "batches"),
        ("API", "APIs"), ("day", "days"),
    ])
    func simplePlurals(_ singular: String, _ plural: String) {
        let matcher = GlossaryMatcher(names: [[.init(singular, matchCase: false)]])
        #expect(names("one \(plural) here", matcher) == [plural])
    }

    @Test func wordsEndingInSGetNoInventedPlural() {
        let tokens = MentionToken.tokenize("pandas")
        #expect(GlossaryMatcher.plural(of: tokens, in: "pandas") == nil)
    }

    @Test func matchCaseComparesTheWrittenText() {
        let matcher = GlossaryMatcher(names: [[.init("REST", matchCase: true)]])
        #expect(names("rest or Rest or REST", matcher) == ["REST"])
    }

    @Test func textBeyondASCIIKeepsItsRangesAndMatchesByCanonicalEquivalence() {
        let matcher = GlossaryMatcher(names: [
            [.init("Café", matchCase: false)], [.init("Zürich", matchCase: false)], [.init("Django", matchCase: false)],
            [.init("한국", matchCase: false)], [.init("Élan", matchCase: false)],
        ])
        // A combining accent is not a letter: "cafe\u{301}" is the word "cafe" and a mark. Hangul written as
        // jamo is the same text as its syllables to Swift, and so to the matcher. Only ASCII capitals are
        // folded: "ZÜRICH" is "zürich", "élan" is not "Élan".
        let text =
            "naïve — Django’s café, a cafe\u{301} and ZÜRICH or zürich; 東京 Django "
            + "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8} élan Élan ÉLAN; Djangoé"
        #expect(
            names(text, matcher) == [
                "Django", "café", "ZÜRICH", "zürich", "Django", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}", "Élan",
            ])
        #expect(matcher.matches(in: text).map(\.term) == [2, 0, 1, 1, 2, 3, 4])
    }

    @Test func costDoesNotDependOnTheNumberOfTerms() {
        // 10,000 terms: the trie answers in one pass; this checks behaviour, the benchmark checks time.
        let many = (0..<10_000).map { [GlossaryMatcher.Name("term\($0) name", matchCase: false)] }
        let matcher = GlossaryMatcher(names: many + [[.init("Django", matchCase: false)]])
        #expect(names("we use django and term42 name and term9999 name", matcher) == ["django", "term42 name", "term9999 name"])
    }
}
