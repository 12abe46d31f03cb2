/// A tag becomes a file name under `tags/`: it must reduce to a non-empty slug.
struct InvalidTag: ValidationRule {
    static let id = "bad-tag"

    func check(_ content: ContentSet, names: NameIndex) -> [Diagnostic] {
        content.articles.flatMap(\.tags).compactMap { tag in
            guard TagName.slug(tag.value).isEmpty else { return nil }
            return .error(Self.id, at: tag.location, "tag '\(tag.value)' has no letters or digits to name its page")
        }
    }
}

/// Tag names to page slugs: "Machine Learning" -> "machine-learning".
enum TagName {
    static func slug(_ tag: String) -> String { ContentLoader.suggestedSlug(tag) }
}
