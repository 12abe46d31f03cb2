/// Each role gets an interview kit at `archetypes/<slug>-kit.html`: a role whose own slug is that name would
/// overwrite it.
struct KitPageClash: ValidationRule {
    static let id = "kit-page-clash"

    func check(_ content: ContentSet, names: NameIndex) -> [Diagnostic] {
        let slugs = Set(content.archetypes.map(\.document.slug))
        return content.archetypes.compactMap { archetype in
            let slug = archetype.document.slug
            guard slug.hasSuffix("-kit"), slugs.contains(String(slug.dropLast(4))) else { return nil }
            let owner = slug.dropLast(4)
            return .error(
                Self.id, at: archetype.document.title.location,
                "this role's page, archetypes/\(slug).html, is where the interview kit of role '\(owner)' goes; rename the file")
        }
    }
}
