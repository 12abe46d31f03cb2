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
    ]

    static func run(_ content: ContentSet) -> (NameIndex, [Diagnostic]) {
        let names = NameIndex(content)
        return (names, rules.flatMap { $0.check(content, names: names) })
    }
}
