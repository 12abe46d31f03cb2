/// Resolves what authors write — a slug, a title or an alias, in any case — to items.
public struct NameIndex: Sendable {
    private var byName: [String: Set<ItemID>] = [:]
    private var displayNames: [Kind: Set<String>] = [:]

    public init(_ content: ContentSet) {
        for document in content.documents {
            for name in content.names(of: document.id) { add(name, document.id) }
        }
    }

    private mutating func add(_ name: String, _ id: ItemID) {
        let key = Self.key(name)
        guard !key.isEmpty else { return }
        byName[key, default: []].insert(id)
        displayNames[id.kind, default: []].insert(name)
    }

    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every item named `name` among `kinds`, sorted.
    public func resolve(_ name: String, kinds: [Kind] = Kind.allCases) -> [ItemID] {
        (byName[Self.key(name)] ?? []).filter { kinds.contains($0.kind) }.sorted()
    }

    /// The closest known name among `kinds`, for "did you mean".
    func suggestion(for name: String, kinds: [Kind]) -> String {
        Suggestion.suffix(for: name, in: kinds.flatMap { (displayNames[$0] ?? []).sorted() })
    }
}
