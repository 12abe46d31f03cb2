/// `base_url` is used for sitemap.xml and canonical links: it must be an absolute http(s) URL.
struct InvalidBaseURL: ValidationRule {
    static let id = "bad-base-url"

    func check(_ content: ContentSet, names: NameIndex) -> [Diagnostic] {
        guard let base = content.site.baseURL else { return [] }
        let url = base.value
        if url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(where: \.isWhitespace) { return [] }
        return [.error(Self.id, at: base.location, "base_url '\(url)' must be an absolute URL starting with https:// or http://")]
    }
}
