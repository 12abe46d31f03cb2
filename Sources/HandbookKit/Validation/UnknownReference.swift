/// Every ref in front matter (`related`, `uses`, `companies`, `archetypes`, `stack`) must name an item of its kind.
struct UnknownReference: ValidationRule {
    static let id = "unknown-reference"

    func check(_ content: ContentSet, names: NameIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ refs: [Located<String>], field: String, kind: Kind) {
            for ref in refs where names.resolve(ref.value, kinds: [kind]).isEmpty {
                let hint = names.suggestion(for: ref.value, kinds: [kind])
                diagnostics.append(
                    .error(
                        Self.id, at: ref.location, "'\(field)' names unknown \(kind.rawValue) '\(ref.value)'\(hint)"))
            }
        }
        for term in content.terms { check(term.related, field: "related", kind: .term) }
        for archetype in content.archetypes {
            check(archetype.uses, field: "uses", kind: .term)
            check(archetype.companies, field: "companies", kind: .company)
        }
        for company in content.companies {
            check(company.archetypes, field: "archetypes", kind: .archetype)
            for system in company.systems { check(system.stack, field: "stack", kind: .term) }
        }
        return diagnostics
    }
}
