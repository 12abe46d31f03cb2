/// One check over the decoded content, with a stable diagnostic id.
protocol ValidationRule: Sendable {
    static var id: String { get }
    func check(_ content: ContentSet, names: NameIndex) -> [Diagnostic]
}

/// The rules run by `handbook check` and `handbook build`, in order.
enum Validation {
    static let rules: [any ValidationRule] = [
        DuplicateTermName(),
        UnknownReference(),
        InvalidTag(),
        InvalidBaseURL(),
        InvalidEditURL(),
        KitPageClash(),
    ]

    /// Runs every rule; `today` (from `BuildOptions.now`) dates `stale-content`.
    static func run(_ content: ContentSet, today: CalendarDate) -> (NameIndex, [Diagnostic]) {
        let names = NameIndex(content)
        let dated: [any ValidationRule] = [StaleContent(today: today)]
        return (names, (rules + dated).flatMap { $0.check(content, names: names) })
    }
}
