/// `content/site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var tagline: String
    public var description: String
    public var language: String
    public var baseURL: Located<String>?
    public var unsafeHTML: Bool
    /// After this many months a `reviewed` date is stale (`stale-content`).
    public var reviewAfterMonths: Int = 12
    /// Where a page's source is edited: `{path}` stands for its path under `content/` (`edit_url`).
    public var editURL: Located<String>? = nil
    /// Pages name the author of their last commit beside its date (`git_authors`).
    public var gitAuthors = false
}

/// `content/articles/<slug>.md`.
public struct Article: Sendable, Equatable {
    public var document: Document
    public var order: Int?
    public var tags: [Located<String>]
    public var draft: Bool
}

/// `content/terms/<slug>.md`: one glossary entry.
public struct Term: Sendable {
    public enum Category: String, CaseIterable, Sendable {
        case language, framework, library, tool, platform, practice, concept
    }

    public var document: Document
    public var category: Category
    public var aliases: [Located<String>]
    public var related: [Located<String>]
    public var matchCase: Bool
    public var noAutolink: Bool
}

/// `content/archetypes/<slug>.md`: a role to hire for.
public struct Archetype: Sendable {
    public struct Signals: Sendable {
        public var green: [String] = []
        public var yellow: [String] = []
        public var red: [String] = []
    }

    public var document: Document
    public var builds: [String]
    public var uses: [Located<String>]
    public var companies: [Located<String>]
    public var salaryPremium: String?
    public var mustHave: [String]
    public var interviewQuestions: [InterviewQuestion]
    public var signals: Signals
}

/// One of a role's interview questions, with what a strong and a weak answer sound like when the content says.
public struct InterviewQuestion: Sendable {
    public var question: String
    public var strong: String?
    public var weak: String?
}

/// `content/companies/<slug>.md`: a company and what it builds with Python.
public struct Company: Sendable {
    public struct System: Sendable {
        public var name: String
        public var description: String
        public var stack: [Located<String>]
    }

    public var document: Document
    public var industry: String
    public var scale: String?
    public var archetypes: [Located<String>]
    public var systems: [System]
}
