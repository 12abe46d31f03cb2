/// The order items take in every list of links ("Mentioned in", "Used by", related reading): by kind, then
/// title without regard to case, then slug. Each item's place is computed once per build, so sorting a list
/// compares integers, not lowercased titles fetched item by item.
struct ListOrder: Sendable {
    private let places: [ItemID: Int]

    init(_ content: ContentSet) {
        let keyed = content.documents.map { (kind: $0.kind.rank, title: $0.title.value.lowercased(), slug: $0.slug, id: $0.id) }
        let sorted = keyed.sorted { ($0.kind, $0.title, $0.slug) < ($1.kind, $1.title, $1.slug) }
        places = Dictionary(sorted.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    /// The item's place; items that are not in the content come last.
    func place(of id: ItemID) -> Int { places[id] ?? Int.max }

    func sorted(_ ids: some Sequence<ItemID>) -> [ItemID] {
        ids.map { (place: place(of: $0), id: $0) }.sorted { ($0.place, $0.id.slug) < ($1.place, $1.id.slug) }.map(\.id)
    }
}
