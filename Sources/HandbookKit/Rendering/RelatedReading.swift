/// "Related reading" for articles and terms: up to five items sharing the most tags and glossary terms.
///
/// Items are scored through inverted lists (feature -> items having it), each capped, so the work is
/// linear in the content: per item, its features times the cap, never all pairs. Ties break by kind, then
/// title, then slug, so the same content always gives the same lists.
enum RelatedReading {
    static let limit = 5
    /// Items kept per tag or term: a feature shared by hundreds of pages says little about any two of them.
    static let listCap = 32

    private enum Feature: Hashable {
        case tag(String)
        case term(String)

        /// A shared tag says more than a shared term mention.
        var weight: Int {
            switch self {
            case .tag: 2
            case .term: 1
            }
        }
    }

    /// Item -> its related items, best first. `related` (term -> terms it names) are left out of a term's list:
    /// its page lists them already.
    static func compute(content: ContentSet, bodies: [ItemID: RenderedBody], related: [String: Set<String>], order: ListOrder)
        -> [ItemID: [ItemID]]
    {
        let articles = content.articles
        let terms = content.terms
        let ids = articles.map(\.document.id) + terms.map(\.document.id)
        // Each item's features on every core; then the capped lists, in item order, one lookup per feature.
        let features = Array(ids.indices).parallelMap { index -> [Feature] in
            let id = ids[index]
            let linkedTerms = (bodies[id]?.links ?? []).filter { $0.kind == .term && $0 != id }.map { Feature.term($0.slug) }
            guard index >= articles.count else {
                return unique(articles[index].tags.map { .tag(TagName.slug($0.value)) } + linkedTerms)
            }
            let named = (related[id.slug] ?? []).sorted().map { Feature.term($0) }
            return unique([.term(id.slug)] + named + linkedTerms)
        }
        func add(_ index: Int, to list: inout [Int]) {
            if list.count < listCap { list.append(index) }
        }
        var lists: [Feature: [Int]] = [:]
        for (index, itemFeatures) in features.enumerated() {
            for feature in itemFeatures { add(index, to: &lists[feature, default: []]) }
        }
        let places = ids.map { order.place(of: $0) }
        let frozenLists = lists
        let best = Array(ids.indices).parallelMap { index -> [ItemID] in
            let id = ids[index]
            let excluded = id.kind == .term ? (related[id.slug] ?? []) : []
            var scores: [Int: Int] = [:]
            // At most one entry per list item: sized once instead of regrown (1% of a 10,000-article build).
            scores.reserveCapacity(features[index].count * listCap)
            for feature in features[index] {
                for other in frozenLists[feature] ?? [] where other != index {
                    scores[other, default: 0] += feature.weight
                }
            }
            // The best `limit` by a selection, not a sort of every candidate: an item can have hundreds.
            func ranksBefore(_ a: (key: Int, value: Int), _ b: (key: Int, value: Int)) -> Bool {
                (b.value, places[a.key]) < (a.value, places[b.key])
            }
            var top: [(key: Int, value: Int)] = []
            for candidate in scores where !(ids[candidate.key].kind == .term && excluded.contains(ids[candidate.key].slug)) {
                guard top.count < limit || ranksBefore(candidate, top[top.count - 1]) else { continue }
                top.insert(candidate, at: top.firstIndex { ranksBefore(candidate, $0) } ?? top.count)
                if top.count > limit { top.removeLast() }
            }
            return top.map { ids[$0.key] }
        }
        var result: [ItemID: [ItemID]] = [:]
        for (id, items) in zip(ids, best) where !items.isEmpty { result[id] = items }
        return result
    }

    private static func unique(_ features: [Feature]) -> [Feature] {
        var seen = Set<Feature>()
        return features.filter { seen.insert($0).inserted }
    }
}
