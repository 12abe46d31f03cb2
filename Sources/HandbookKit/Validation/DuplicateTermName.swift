/// Two terms may not share a title or alias: a mention would not know which to link.
struct DuplicateTermName: ValidationRule {
    static let id = "duplicate-name"

    func check(_ content: ContentSet, names: NameIndex) -> [Diagnostic] {
        var firstUse: [String: (slug: String, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        for term in content.terms {
            var ownNames = Set<String>()
            for name in [term.document.title] + term.aliases {
                let key = NameIndex.key(name.value)
                guard ownNames.insert(key).inserted else {
                    diagnostics.append(
                        .warning(
                            Self.id, at: name.location, "'\(name.value)' is listed twice for this term"))
                    continue
                }
                if let first = firstUse[key] {
                    let place = "\(first.location.path):\(first.location.line):\(first.location.column)"
                    diagnostics.append(
                        .error(
                            Self.id, at: name.location,
                            "'\(name.value)' already names term '\(first.slug)' (\(place)); titles and aliases must be unique"))
                } else {
                    firstUse[key] = (term.document.slug, name.location)
                }
            }
        }
        return diagnostics
    }
}
