/// `edit_url` links every page to where its source is edited: an absolute http(s) URL with `{path}` where the
/// source's path goes (without it, every page would link to the same place).
struct InvalidEditURL: ValidationRule {
    static let id = "bad-edit-url"

    func check(_ content: ContentSet, names: NameIndex) -> [Diagnostic] {
        guard let edit = content.site.editURL else { return [] }
        let url = edit.value
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(where: \.isWhitespace) else {
            return [.error(Self.id, at: edit.location, "edit_url '\(url)' must be an absolute URL starting with https:// or http://")]
        }
        guard url.contains("{path}") else {
            let example = (url.hasSuffix("/") ? url : url + "/") + "{path}"
            return [
                .error(
                    Self.id, at: edit.location,
                    "edit_url has no '{path}', so every page would link to the same place; put it where a page's path under "
                        + "content/ goes, as in '\(example)'")
            ]
        }
        return []
    }
}
