/// A page reviewed longer ago than `review_after_months` (site.yml, default 12) may state figures that have aged.
struct StaleContent: ValidationRule {
    static let id = "stale-content"
    /// The build's day, from `BuildOptions.now`: no rule reads the clock.
    let today: CalendarDate

    func check(_ content: ContentSet, names: NameIndex) -> [Diagnostic] {
        let months = content.site.reviewAfterMonths
        return content.documents.compactMap { document in
            guard let reviewed = document.reviewed, document.isStale(today: today, afterMonths: months) else { return nil }
            return .warning(
                Self.id, at: reviewed.location,
                "last reviewed on \(reviewed.value.iso), more than \(months) month\(months == 1 ? "" : "s") ago "
                    + "(review_after_months in site.yml): check the page and update 'reviewed'")
        }
    }
}
