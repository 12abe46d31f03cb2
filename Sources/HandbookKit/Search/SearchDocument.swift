/// One searchable page, or part of a page a reader reaches by its own anchor: what the index stores
/// for display and what it tokenizes.
struct SearchDocument: Sendable {
    /// A stretch of the page's text: the body, or a record field as the page shows it ("Builds: …").
    struct Part: Sendable {
        /// The id of the section showing it ("" for the top of the page).
        var anchor: String
        var text: String
        var isBody: Bool = false
    }

    var kind: String
    var title: String
    var url: String
    var summary: String
    /// Where a page is, for its result row: "People operations › Onboarding"; empty for records and the pages of
    /// `articles/`, whose kind says it.
    var section: String = ""
    var aliases: [String] = []
    var headings: [RenderedBody.Heading] = []
    var tags: [String] = []
    /// In page order.
    var parts: [Part] = []

    static let kinds = ["term", "archetype", "company", "article", "page"]

    /// Ties in the ranking go by kind, then title, then url: documents are stored in that order.
    var order: (Int, String, String) {
        (Self.kinds.firstIndex(of: kind) ?? Self.kinds.count, title.lowercased(), url)
    }
}

/// The field bits of postings and their weights, shared with search-engine.js.
enum SearchField {
    static let names = ["title", "alias", "heading", "summary", "body", "facts", "tags"]
    static let weights = [10, 8, 5, 3, 1, 3, 4]
    static let title: UInt8 = 1
    static let alias: UInt8 = 2
    static let heading: UInt8 = 4
    static let summary: UInt8 = 8
    static let body: UInt8 = 16
    static let facts: UInt8 = 32
    static let tags: UInt8 = 64
}
