import Foundation
import Testing

@testable import HandbookKit

/// Related reading: shared tags weigh more than shared terms, ties break by kind and title, at most five,
/// and the work per item is bounded by its own features (capped lists), never by the site's size.
@Suite struct RelatedReadingTests {
    private func reading(_ files: [String: String]) throws -> [ItemID: [ItemID]] {
        let site = try TestSite(files)
        defer { site.remove() }
        var diagnostics: [Diagnostic] = []
        let content = try ContentLoader.load(
            from: site.root.appendingPathComponent("content"), displayPrefix: "content", includeDrafts: false, diagnostics: &diagnostics)
        let (names, _) = Validation.run(content, today: CalendarDate(year: 2026, month: 6, day: 1))
        let markdown = MarkdownSite(content: content, names: names)
        var bodies: [ItemID: RenderedBody] = [:]
        for document in content.documents { bodies[document.id] = CommonMark.render(document, site: markdown) }
        return CrossReferences(content: content, names: names, bodies: bodies).reading
    }

    static let terms = [
        "terms/django.md": file("title: Django\nsummary: Web.\ncategory: framework\nrelated: [flask]", "A web framework.\n"),
        "terms/flask.md": file("title: Flask\nsummary: Small web.\ncategory: framework", "Small and simple.\n"),
        "terms/pandas.md": file("title: pandas\nsummary: Tables.\ncategory: library", "Tables.\n"),
    ]

    @Test func sharedTagsAndTermsRankTheItems() throws {
        let files = Self.terms.merging([
            "articles/a.md": file("title: A\nsummary: S.\ntags: [web]", "Django and pandas.\n"),
            "articles/b.md": file("title: B\nsummary: S.\ntags: [web]", "Nothing linked.\n"),
            "articles/c.md": file("title: C\nsummary: S.", "Django and pandas.\n"),
            "articles/d.md": file("title: D\nsummary: S.", "Only pandas.\n"),
            "articles/e.md": file("title: E\nsummary: S.", "Nothing shared.\n"),
        ]) { $1 }
        let found = try reading(files)
        // b shares a tag (2), c two terms (2); then one shared term each, terms before articles: django and pandas
        // are linked from a, and flask names django as related (both ways). d is sixth.
        #expect(
            found[ItemID(.article, "articles/a")] == [
                ItemID(.article, "articles/b"), ItemID(.article, "articles/c"), ItemID(.term, "django"), ItemID(.term, "flask"),
                ItemID(.term, "pandas"),
            ])
        #expect(found[ItemID(.article, "articles/e")] == nil)
        // A term's explicit related terms are on its page already: flask is left out of django's list.
        #expect(found[ItemID(.term, "django")]?.contains(ItemID(.term, "flask")) == false)
        #expect(found[ItemID(.term, "django")]?.first == ItemID(.article, "articles/a"))
    }

    @Test func aFeatureSharedByEveryPageCostsACappedList() throws {
        var files = Self.terms
        for index in 0..<(RelatedReading.listCap * 3) {
            files["articles/p\(index).md"] = file("title: Page \(index)\nsummary: S.\ntags: [common]", "Text.\n")
        }
        let found = try reading(files)
        #expect(found.values.allSatisfy { $0.count <= RelatedReading.limit })
        // The tag's list keeps the first pages only (in slug order): every page's candidates come from it.
        let listed = Set((0..<(RelatedReading.listCap * 3)).map { "articles/p\($0)" }.sorted().prefix(RelatedReading.listCap))
        #expect(found.count == RelatedReading.listCap * 3)
        #expect(found.values.allSatisfy { $0.count == RelatedReading.limit && $0.allSatisfy { listed.contains($0.slug) } })
        #expect(try reading(files) == found, "the same content gives the same lists")
    }
}
