/// View models: plain structs handed to Mustache, one per page kind. Templates see nothing else.
/// Every field must also be answered in Views+Mustache.swift, which Mustache reads instead of reflection.

/// A link to a page, with optional detail shown in lists.
struct LinkView: Sendable, Hashable {
    var title: String
    var url: String
    var summary: String?
    var detail: String?
}

struct TOCEntry: Sendable {
    var text: String
    var id: String
    var isSub: Bool
}

/// A term's definition as a page carries it for its tooltips: `partials/term-tip.mustache` renders it once per term.
struct TermTip: Sendable {
    var slug: String
    var summary: String
}

struct NavItem: Sendable {
    var title: String
    var url: String
    var current: Bool
}

/// The frame every page shares.
struct LayoutView: Sendable {
    var lang: String
    var siteTitle: String
    var pageTitle: String
    var description: String
    var root: String
    var canonical: String?
    var nav: [NavItem]
    var main: String
    /// The definitions of the terms the page links, each rendered once per build by `partials/term-tip`.
    var termTips: String
    var hasTermTips: Bool
    var bodyClass: String
}

/// Who keeps a page true and when they last checked it: "Reviewed 20 November 2026 by Pay team", when its source last
/// changed in Git ("Updated 3 March 2026 by Ana"), and where to edit it.
struct ReviewView: Sendable {
    var date: String?
    var datetime: String?
    var owner: String?
    var updated: UpdatedView? = nil
    var editURL: String? = nil
}

/// A page's last commit, as pages show it: its day in the author's time zone, and the author when `git_authors` says so.
struct UpdatedView: Sendable {
    var date: String
    var datetime: String
    var author: String?
}

/// One changed page on `changes.html` and the home page.
struct ChangeView: Sendable {
    var title: String
    var url: String
    /// Where the page is: its section path, or its kind for a record; nil for a page of `articles/`.
    var section: String?
    var updated: UpdatedView
    var subject: String
}

/// `changes.html`: the pages changed last, newest first.
struct ChangesView: Sendable {
    var root: String
    var title: String
    var changes: [ChangeView]
    var limit: Int
}

/// A page on `owners.html`: when it was reviewed, whether that is too long ago, and when it last changed.
struct OwnedPageView: Sendable {
    var title: String
    var url: String
    var section: String?
    var reviewed: String?
    var reviewedISO: String?
    var stale: Bool
    var updated: UpdatedView?
}

/// An owner on `owners.html` (or the pages with none): a tally, their stale pages, a link to all of theirs.
struct OwnerView: Sendable {
    var owner: String
    var id: String
    var url: String
    /// Their stale pages, oldest review first, at most `SiteRenderer.ownersOverviewStale`.
    var pages: [OwnedPageView]
    var staleCount: Int
    /// "12 pages, 3 stale".
    var tally: String
    var hasOwner: Bool
}

/// `owners.html`: every owner, stale pages first.
struct OwnersView: Sendable {
    var root: String
    var title: String
    var owners: [OwnerView]
    var staleCount: Int
    var pageCount: Int
    var reviewAfterMonths: Int
    /// "1 is", "3 are".
    var staleVerb: String { staleCount == 1 ? "is" : "are" }
}

/// `owners/<owner>.html`: one owner's pages (or those with none), stale first, 100 a page.
struct OwnerPageView: Sendable {
    var root: String
    var title: String
    var tally: String
    var pages: [OwnedPageView]
    var hasOwner: Bool
    var pager: PagerView?
}

struct HomeView: Sendable {
    var root: String
    var title: String
    var tagline: String
    var description: String
    /// The start of the reading order; `articleCount` says how many there are in all.
    var articles: [LinkView]
    var articleCount: Int
    var moreArticles: Bool
    /// The most used tags, with their article counts.
    var topics: [LinkView]
    var archetypes: [LinkView]
    var companies: [LinkView]
    var moreCompanies: Bool
    var termCount: Int
    var categories: [LinkView]
    var letters: [LinkView]
    /// The top folder's `index.md` or `README.md`, above the lists.
    var body: String? = nil
    /// The top folder's sections and pages.
    var contents: [LinkView] = []
    /// The pages changed last, when the content has Git history (`changes.html` lists more).
    var recentChanges: [ChangeView] = []
    /// The review line of the home page's text (`index.md`): its dates and edit link.
    var review: ReviewView? = nil
}

struct ArticleView: Sendable {
    var root: String
    var title: String
    /// Nil when the summary is the body's first sentence: the page shows it once, in the body.
    var summary: String?
    var body: String
    var toc: [TOCEntry]
    var tags: [LinkView]
    var previous: LinkView?
    var next: LinkView?
    var review: ReviewView? = nil
    var relatedReading: [LinkView] = []
    /// The id the page's `# heading` had, on its `<h1>`.
    var titleID: String? = nil
    var section: SectionNavView? = nil
    /// A section's own page (index.md): its pages and subsections.
    var listing: SectionListing? = nil
}

/// Where a page is: breadcrumbs from the home page, and the section tree with the current branch open (its HTML:
/// `SectionTreeHTML` renders it from its levels and entries).
struct SectionNavView: Sendable {
    var breadcrumbs: [LinkView]
    var tree: String
}

/// One level of the section tree, as `partials/section-tree` renders it: its entries' HTML and the link to the rest.
struct TreeLevelView: Sendable {
    var items: String
    var more: LinkView?
}

/// One entry of the tree, as `partials/section-tree-item` renders it; `open` is the slot the level below goes in.
struct TreeItemView: Sendable {
    var title: String
    var url: String
    var isSection: Bool
    var current: Bool
    var open: String?
}

/// A section's listing: its subsections and pages, a page of them at a time.
struct SectionListing: Sendable {
    var sections: [LinkView]
    var pages: [LinkView]
    var pager: PagerView?
}

/// A section with no index page of its own: its listing under its name.
struct SectionView: Sendable {
    var root: String
    var title: String
    var summary: String
    var section: SectionNavView
    var listing: SectionListing
}

struct GroupView: Sendable {
    var label: String
    var items: [LinkView]
}

struct TermView: Sendable {
    var root: String
    var title: String
    var summary: String
    var category: String
    var aliases: [String]
    var body: String
    var toc: [TOCEntry]
    var mentionedIn: [GroupView]
    var usedBy: [LinkView]
    var related: [LinkView]
    var review: ReviewView? = nil
    var relatedReading: [LinkView] = []
}

struct SignalsView: Sendable {
    var green: [String]
    var yellow: [String]
    var red: [String]
}

struct ArchetypeView: Sendable {
    var root: String
    var title: String
    var summary: String
    var body: String
    var toc: [TOCEntry]
    var builds: [String]
    var uses: [LinkView]
    var companies: [LinkView]
    var salaryPremium: String?
    var mustHave: [String]
    var interviewQuestions: [String]
    var signals: SignalsView
    var hasSignals: Bool
    var kitURL: String
    var review: ReviewView? = nil
}

/// One interview question of a kit, with what strong and weak answers sound like.
struct QuestionView: Sendable {
    var question: String
    var strong: String?
    var weak: String?
}

/// A role's interview kit: everything a recruiter needs for a screening call, on one printable page.
/// `id` prefixes the kit's own anchors, so several kits can share the print page.
struct KitView: Sendable {
    var root: String
    var id: String
    var title: String
    var summary: String
    var roleURL: String
    var salaryPremium: String?
    var builds: [String]
    var mustHave: [String]
    var questions: [QuestionView]
    var signals: SignalsView
    var hasSignals: Bool
    var glossary: [LinkView]
    /// `1` on the kit's own page; `2` inside the print page, which has its own h1.
    var titleLevel: Int
    var sectionLevel: Int
    var review: ReviewView? = nil
}

struct SystemView: Sendable {
    var name: String
    var description: String
    var stack: [LinkView]
}

struct CompanyView: Sendable {
    var root: String
    var title: String
    var industry: String
    var summary: String
    var scale: String?
    var body: String
    var toc: [TOCEntry]
    var archetypes: [LinkView]
    var systems: [SystemView]
    var review: ReviewView? = nil
}

struct LetterGroup: Sendable {
    var letter: String
    var id: String
    var terms: [LinkView]
}

struct TermsIndexView: Sendable {
    var root: String
    var letters: [LetterGroup]
    var categories: [GroupView]
    var count: Int
}

struct ArchetypeRow: Sendable {
    var title: String
    var url: String
    var summary: String
    var builds: [String]
    var uses: [LinkView]
    var salaryPremium: String
    var mustHave: [String]
    var kitURL: String
}

struct ArchetypesIndexView: Sendable {
    var root: String
    var rows: [ArchetypeRow]
}

struct MatrixCell: Sendable {
    var uses: Bool
    var label: String
}

struct MatrixRow: Sendable {
    var term: LinkView
    var cells: [MatrixCell]
}

struct CompaniesIndexView: Sendable {
    var root: String
    var companies: [LinkView]
    var columns: [LinkView]
    var matrix: [MatrixRow]
    var hasMatrix: Bool
}

struct ListPageView: Sendable {
    var root: String
    var title: String
    var summary: String
    var items: [LinkView]
    /// Links to the list's other pages, when it has more than one.
    var pager: PagerView? = nil
}

/// Previous, next and numbered links between the pages of a long list.
struct PagerView: Sendable {
    var previous: LinkView?
    var next: LinkView?
    var pages: [NavItem]
    /// "Page 2 of 9".
    var label: String
}

struct QuestionGroup: Sendable {
    var title: String
    var url: String
    var id: String
    var questions: [String]
    var kitURL: String
}

struct QuestionsView: Sendable {
    var root: String
    var groups: [QuestionGroup]
    var count: Int
}

struct ChecklistGroup: Sendable {
    var title: String
    var url: String
    var id: String
    var signals: SignalsView
    var kitURL: String
}

struct ChecklistView: Sendable {
    var root: String
    var groups: [ChecklistGroup]
}

struct PrintSection: Sendable {
    var id: String
    var kind: String
    var title: String
    var summary: String
    var body: String
    var review: ReviewView? = nil
    /// The id of the page's title heading, prefixed like the body's ids: links to it land on the title.
    var titleID: String? = nil
}

struct PrintView: Sendable {
    var root: String
    var title: String
    var articles: [PrintSection]
    var archetypes: [PrintSection]
    var kits: [KitView]
    var companies: [PrintSection]
    var terms: [PrintSection]
    /// A large site's book: `print.html` lists `parts` and their volumes, and the section lists are empty.
    var split: Bool = false
    var parts: [PrintPartView] = []
}

/// A part of a split print handbook and its volumes.
struct PrintPartView: Sendable {
    var label: String
    var volumes: [LinkView]
}

/// One volume of a split print handbook, under `print/`.
struct PrintVolumeView: Sendable {
    var root: String
    var bookTitle: String
    /// "Articles, volume 2 of 9".
    var title: String
    /// First and last section titles: what the volume covers.
    var covers: String
    var contentsURL: String
    var sections: [PrintSection]
    var kits: [KitView]
    var previous: LinkView?
    var next: LinkView?
}

struct SimpleView: Sendable {
    var root: String
    var title: String
}
