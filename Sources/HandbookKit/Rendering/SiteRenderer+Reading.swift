/// What every item page ends or starts with to earn trust and keep the reader going: who reviewed it, what to read next.
extension SiteRenderer {
    /// Up to five related items, best first, from the page of `id`.
    func relatedReading(_ id: ItemID) -> [LinkView] {
        (references.reading[id] ?? []).compactMap { other in
            link(to: other, from: "../", detail: other.kind.label)
        }
    }
}
