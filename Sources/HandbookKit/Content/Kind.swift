/// The kinds of content item, each in its own folder of `content/`.
public enum Kind: String, CaseIterable, Sendable, Hashable, Comparable {
    case article
    case term
    case archetype
    case company

    /// The folder under `content/` and under `public/`.
    public var folder: String {
        switch self {
        case .article: "articles"
        case .term: "terms"
        case .archetype: "archetypes"
        case .company: "companies"
        }
    }

    /// Human label, singular and plural.
    public var label: String {
        switch self {
        case .article: "Article"
        case .term: "Term"
        case .archetype: "Role"
        case .company: "Company"
        }
    }

    public var pluralLabel: String {
        switch self {
        case .article: "Articles"
        case .term: "Terms"
        case .archetype: "Roles"
        case .company: "Companies"
        }
    }

    /// Order in listings such as "Mentioned in": terms first, articles last.
    var rank: Int {
        switch self {
        case .term: 0
        case .archetype: 1
        case .company: 2
        case .article: 3
        }
    }

    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
}

/// Identifies one item: its kind and slug.
///
/// A record's slug is its file name (`django`). A page's (an article's) is its path in the site, slugged
/// (`PagePath`): `articles/first-week`, `people/hiring/hm-intro-call`, `people/hiring/index` for a folder's page.
public struct ItemID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: Kind
    public var slug: String

    public init(_ kind: Kind, _ slug: String) {
        self.kind = kind
        self.slug = slug
    }

    /// The page's path under `public/`, which is also its URL relative to the site root.
    public var url: String { kind == .article ? "\(slug).html" : "\(kind.folder)/\(slug).html" }

    /// A page that is its folder's page (`index.md`, `README.md`): the section `people/hiring` for `people/hiring/index`.
    public var isSectionIndex: Bool { kind == .article && (slug == "index" || slug.hasSuffix("/index")) }

    /// The section the page is listed in: its folder's, or for a section's own page the folder above ("" is the top).
    public var section: String {
        guard kind == .article else { return kind.folder }
        let folder = PagePath.folder(of: slug)
        return isSectionIndex ? (slug == "index" ? "" : PagePath.folder(of: folder)) : folder
    }

    public var description: String { "\(kind.rawValue) '\(slug)'" }

    public static func < (lhs: ItemID, rhs: ItemID) -> Bool { (lhs.kind, lhs.slug) < (rhs.kind, rhs.slug) }
}
