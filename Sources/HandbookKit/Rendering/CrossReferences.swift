/// Who links to whom, gathered from every rendered body and every front-matter ref.
struct CrossReferences: Sendable {
    /// Term slug -> pages whose body links it.
    var mentionedIn: [String: Set<ItemID>] = [:]
    /// Term slug -> archetypes (`uses`) and companies (`stack`) naming it.
    var usedBy: [String: Set<ItemID>] = [:]
    /// Term slug -> related terms, both directions.
    var related: [String: Set<String>] = [:]
    /// Company slug -> archetypes, and archetype slug -> companies, both directions.
    var companyArchetypes: [String: Set<String>] = [:]
    var archetypeCompanies: [String: Set<String>] = [:]
    /// Article or term -> up to five related items, best first (`RelatedReading`).
    var reading: [ItemID: [ItemID]] = [:]
    /// The order of every list of links.
    let order: ListOrder

    init(content: ContentSet, names: NameIndex, bodies: [ItemID: RenderedBody]) {
        order = ListOrder(content)
        for (page, body) in bodies {
            for target in body.links where target.kind == .term && target != page {
                mentionedIn[target.slug, default: []].insert(page)
            }
        }
        func resolve(_ ref: Located<String>, _ kind: Kind) -> String? { names.resolve(ref.value, kinds: [kind]).first?.slug }
        for term in content.terms {
            for ref in term.related {
                guard let other = resolve(ref, .term), other != term.document.slug else { continue }
                related[term.document.slug, default: []].insert(other)
                related[other, default: []].insert(term.document.slug)
            }
        }
        for archetype in content.archetypes {
            let id = archetype.document.id
            for ref in archetype.uses { if let term = resolve(ref, .term) { usedBy[term, default: []].insert(id) } }
            for ref in archetype.companies {
                guard let company = resolve(ref, .company) else { continue }
                archetypeCompanies[id.slug, default: []].insert(company)
                companyArchetypes[company, default: []].insert(id.slug)
            }
        }
        for company in content.companies {
            let id = company.document.id
            for ref in company.systems.flatMap(\.stack) { if let term = resolve(ref, .term) { usedBy[term, default: []].insert(id) } }
            for ref in company.archetypes {
                guard let archetype = resolve(ref, .archetype) else { continue }
                companyArchetypes[id.slug, default: []].insert(archetype)
                archetypeCompanies[archetype, default: []].insert(id.slug)
            }
        }
        reading = RelatedReading.compute(content: content, bodies: bodies, related: related, order: order)
    }

    /// Terms no page links to and no record names: candidates for an `unused-term` warning.
    func unusedTerms(in content: ContentSet) -> [Term] {
        content.terms.filter { mentionedIn[$0.document.slug] == nil && usedBy[$0.document.slug] == nil }
    }
}
