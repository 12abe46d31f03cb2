/// What every item page ends or starts with to earn trust and keep the reader going: who reviewed it, what to read next.
extension SiteRenderer {
    /// "Reviewed <date> by <owner>", when the item says either.
    static func review(_ document: Document) -> ReviewView? {
        guard document.owner != nil || document.reviewed != nil else { return nil }
        return ReviewView(date: document.reviewed?.value.long, datetime: document.reviewed?.value.iso, owner: document.owner)
    }

    /// Up to five related items, best first, from the page of `id`.
    func relatedReading(_ id: ItemID) -> [LinkView] {
        (references.reading[id] ?? []).compactMap { other in
            content.document(other).map { link($0, from: "../", detail: other.kind.label) }
        }
    }
}
