/// What every content item has: identity, title, summary and a Markdown body with its place in the file.
public struct Document: Sendable, Equatable {
    public var id: ItemID
    public var path: String
    /// The source file under `content/`, as it is named there: `People_Ops/hm_intro_call.md`.
    public var source: String = ""
    public var title: Located<String>
    public var summary: String
    public var body: String
    /// File line of the body's first line, to turn cmark's body-relative lines into file lines.
    public var bodyFirstLine: Int
    /// Who keeps the item true (`owner`), and the day they last checked it (`reviewed`).
    public var owner: String? = nil
    public var reviewed: Located<CalendarDate>? = nil
    /// The last commit that changed the source file, when the content is in a Git work tree and the file is committed.
    public var lastChange: Change? = nil
    /// The id the page's first `# heading` would have had in its body, when the title comes from that heading (which the
    /// page shows as its title, not twice): links written to it keep working.
    public var titleID: String? = nil
    /// The summary is the body's first sentence (no front matter gave one): the page does not show it twice.
    public var summaryFromBody = false

    public var slug: String { id.slug }

    /// Reviewed longer ago than `months` before `today` (`review_after_months`, the `stale-content` warning).
    public func isStale(today: CalendarDate, afterMonths months: Int) -> Bool {
        guard let reviewed else { return false }
        return reviewed.value.adding(months: months) < today
    }
    public var kind: Kind { id.kind }
}
