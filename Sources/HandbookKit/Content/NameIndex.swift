/// Resolves what authors write — a slug, a title or an alias, in any case — to items.
public struct NameIndex: Sendable {
    private var byName: [String: Set<ItemID>] = [:]
    private var displayNames: [Kind: Set<String>] = [:]

    public init(_ content: ContentSet) {
        content.forEachItem { id, names in
            for name in names { add(name, id) }
        }
    }

    private mutating func add(_ name: String, _ id: ItemID) {
        let key = Self.key(name)
        guard !key.isEmpty else { return }
        byName[key, default: []].insert(id)
        displayNames[id.kind, default: []].insert(name)
    }

    static func key(_ name: String) -> String {
        asciiKey(name) ?? unicodeKey(name)
    }

    /// Lowercased, whitespace runs as one space, none at the ends.
    static func unicodeKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The same for ASCII names, nearly all, on bytes: every name of every item is keyed before the Markdown stage
    /// starts, on one core (splitting into Characters was most of it). Nil for any other name.
    static func asciiKey(_ name: String) -> String? {
        ASCIIWords.joined(name, separator: UInt8(ascii: " ")) { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }
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
