import Mustache
import Testing

@testable import HandbookKit

/// Views answer Mustache by name instead of reflection: every stored field must be answered.
@Suite struct ViewLookupTests {
    private func unanswered(_ view: some MustacheParent) -> [String] {
        Mirror(reflecting: view).children.compactMap(\.label).filter { view.child(named: $0) == nil }
    }

    static let link = LinkView(title: "t", url: "u", summary: "s", detail: "d")
    static let toc = [TOCEntry(text: "t", id: "i", isSub: false)]
    static let signals = SignalsView(green: ["g"], yellow: ["y"], red: ["r"])
    static let updated = UpdatedView(date: "1 June 2026", datetime: "2026-06-01T10:00:00+02:00", author: "a")
    static let review = ReviewView(date: "1 June 2026", datetime: "2026-06-01", owner: "o", updated: updated, editURL: "e")
    static let change = ChangeView(title: "t", url: "u", section: "s", updated: updated, subject: "s")
    static let owned = OwnedPageView(
        title: "t", url: "u", section: "s", reviewed: "r", reviewedISO: "2026-06-01", stale: true, updated: updated)
    static let section = SectionNavView(breadcrumbs: [link], tree: "t")
    static let listing = SectionListing(sections: [link], pages: [link], pager: nil)

    @Test func everyFieldIsAnswered() {
        #expect(unanswered(Self.link).isEmpty)
        #expect(unanswered(Self.toc[0]).isEmpty)
        #expect(unanswered(Self.signals).isEmpty)
        #expect(unanswered(TermTip(slug: "s", summary: "s")).isEmpty)
        #expect(unanswered(NavItem(title: "t", url: "u", current: true)).isEmpty)
        #expect(
            unanswered(
                LayoutView(
                    lang: "en", siteTitle: "s", pageTitle: "p", description: "d", root: "", canonical: "c", nav: [], main: "m",
                    termTips: "", hasTermTips: false, bodyClass: "b")
            ).isEmpty)
        #expect(
            unanswered(
                ArticleView(
                    root: "", title: "t", summary: "s", body: "b", toc: Self.toc, tags: [], previous: Self.link, next: Self.link,
                    review: Self.review, relatedReading: [], titleID: "t", section: Self.section, listing: Self.listing)
            ).isEmpty)
        #expect(unanswered(TreeItemView(title: "t", url: "u", isSection: false, current: true, open: "o")).isEmpty)
        #expect(unanswered(TreeLevelView(items: "i", more: Self.link)).isEmpty)
        #expect(unanswered(Self.section).isEmpty)
        #expect(unanswered(Self.listing).isEmpty)
        #expect(unanswered(SectionView(root: "", title: "t", summary: "s", section: Self.section, listing: Self.listing)).isEmpty)
        #expect(
            unanswered(
                TermView(
                    root: "", title: "t", summary: "s", category: "c", aliases: [], body: "b", toc: Self.toc, mentionedIn: [], usedBy: [],
                    related: [], review: Self.review, relatedReading: [])
            ).isEmpty)
        #expect(
            unanswered(
                ArchetypeView(
                    root: "", title: "t", summary: "s", body: "b", toc: Self.toc, builds: [], uses: [], companies: [], salaryPremium: "p",
                    mustHave: [], interviewQuestions: [], signals: Self.signals, hasSignals: true, kitURL: "k", review: Self.review)
            ).isEmpty)
        #expect(
            unanswered(
                CompanyView(
                    root: "", title: "t", industry: "i", summary: "s", scale: "x", body: "b", toc: Self.toc, archetypes: [],
                    systems: [SystemView(name: "n", description: "d", stack: [])], review: Self.review)
            ).isEmpty)
        #expect(
            unanswered(PrintSection(id: "i", kind: "k", title: "t", summary: "s", body: "b", review: Self.review, titleID: "t")).isEmpty)
        #expect(
            unanswered(
                PrintView(root: "", title: "t", articles: [], archetypes: [], kits: [], companies: [], terms: [], split: true, parts: [])
            ).isEmpty)
        #expect(unanswered(PrintPartView(label: "l", volumes: [Self.link])).isEmpty)
        let pager = PagerView(previous: Self.link, next: Self.link, pages: [], label: "l")
        #expect(unanswered(pager).isEmpty)
        #expect(unanswered(ListPageView(root: "", title: "t", summary: "s", items: [], pager: pager)).isEmpty)
        #expect(
            unanswered(
                HomeView(
                    root: "", title: "t", tagline: "t", description: "d", articles: [], articleCount: 1, moreArticles: true, topics: [],
                    archetypes: [], companies: [], moreCompanies: true, termCount: 1, categories: [], letters: [], body: "b", contents: [],
                    recentChanges: [Self.change], review: Self.review)
            ).isEmpty)
        #expect(unanswered(Self.updated).isEmpty)
        #expect(unanswered(Self.change).isEmpty)
        #expect(unanswered(ChangesView(root: "", title: "t", changes: [Self.change], limit: 50)).isEmpty)
        #expect(unanswered(Self.owned).isEmpty)
        let owner = OwnerView(
            owner: "o", id: "i", url: "u", pages: [Self.owned], staleCount: 1, tally: "1 page, 1 stale", hasOwner: true)
        #expect(unanswered(owner).isEmpty)
        #expect(
            unanswered(OwnersView(root: "", title: "t", owners: [owner], staleCount: 1, pageCount: 1, reviewAfterMonths: 12)).isEmpty)
        #expect(
            unanswered(OwnerPageView(root: "", title: "t", tally: "t", pages: [Self.owned], hasOwner: true, pager: pager)).isEmpty)
        #expect(
            unanswered(
                PrintVolumeView(
                    root: "", bookTitle: "b", title: "t", covers: "c", contentsURL: "u", sections: [], kits: [], previous: Self.link,
                    next: Self.link)
            ).isEmpty)
        #expect(unanswered(QuestionGroup(title: "t", url: "u", id: "i", questions: [], kitURL: "k")).isEmpty)
        #expect(unanswered(ChecklistGroup(title: "t", url: "u", id: "i", signals: Self.signals, kitURL: "k")).isEmpty)
        #expect(unanswered(Self.review).isEmpty)
        #expect(unanswered(QuestionView(question: "q", strong: "s", weak: "w")).isEmpty)
        #expect(
            unanswered(
                KitView(
                    root: "", id: "i", title: "t", summary: "s", roleURL: "r", salaryPremium: "p", builds: [], mustHave: [],
                    questions: [], signals: Self.signals, hasSignals: true, glossary: [], titleLevel: 1, sectionLevel: 2,
                    review: Self.review)
            ).isEmpty)
        #expect(
            unanswered(
                ArchetypeRow(title: "t", url: "u", summary: "s", builds: [], uses: [], salaryPremium: "p", mustHave: [], kitURL: "k")
            ).isEmpty)
        #expect(unanswered(MatrixRow(term: Self.link, cells: [MatrixCell(uses: true, label: "l")])).isEmpty)
    }
}
