import Foundation

/// What keeps a wiki true: when each page last changed in Git and where to edit it, the pages changed lately
/// (`changes.html`, with `changes.xml` for feed readers), and who owns which page and how fresh it is (`owners.html`).
extension SiteRenderer {
    /// How many changed pages `changes.html` and `changes.xml` list, and the home page.
    static let changesLimit = 50
    static let homeChanges = 5

    /// The pages with Git history, newest change first; one commit's pages by kind, then title.
    static func latestChanges(_ content: ContentSet, limit: Int) -> [(document: Document, change: Change)] {
        let changed = content.documents.compactMap { document in document.lastChange.map { (document: document, change: $0) } }
        let sorted = changed.sorted { a, b in
            if a.change.timestamp != b.change.timestamp { return a.change.timestamp > b.change.timestamp }
            if a.change.commit != b.change.commit { return a.change.commit < b.change.commit }
            if a.document.kind != b.document.kind { return a.document.kind < b.document.kind }
            return (a.document.title.value.lowercased(), a.document.slug) < (b.document.title.value.lowercased(), b.document.slug)
        }
        return Array(sorted.prefix(limit))
    }

    /// The line under a page's title: who reviewed it and when, when it last changed, and a link to edit its source
    /// (`edit_url`); nil when there is nothing to say. The print handbook leaves the edit link out.
    func review(_ document: Document, editable: Bool = true) -> ReviewView? {
        let edit = editable ? editURL(document) : nil
        let updated = document.lastChange.map(updatedView)
        guard document.owner != nil || document.reviewed != nil || updated != nil || edit != nil else { return nil }
        return ReviewView(
            date: document.reviewed?.value.long, datetime: document.reviewed?.value.iso, owner: document.owner, updated: updated,
            editURL: edit)
    }

    /// `edit_url` with `{path}` replaced by the source's path under `content/`, percent-encoded.
    func editURL(_ document: Document) -> String? {
        guard let template = content.site.editURL?.value, !document.source.isEmpty else { return nil }
        let path = document.source.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? document.source
        return template.replacingOccurrences(of: "{path}", with: path)
    }

    private static let pathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ";?#"))

    func updatedView(_ change: Change) -> UpdatedView {
        UpdatedView(date: change.day.long, datetime: change.date, author: content.site.gitAuthors ? change.author : nil)
    }

    /// Where a page is: its section path for a page in folders, its kind for a record; nil for a page of `articles/`.
    func place(of document: Document) -> String? {
        let place = document.kind == .article ? content.sections.path(of: document.id) : document.kind.label
        return place.isEmpty ? nil : place
    }

    func changeView(_ document: Document, _ change: Change, from root: String) -> ChangeView {
        ChangeView(
            title: document.title.value, url: root + document.id.url, section: place(of: document), updated: updatedView(change),
            subject: change.subject)
    }

    func changesView() -> ChangesView {
        ChangesView(
            root: "", title: "Recent changes", changes: recentChanges.map { changeView($0.document, $0.change, from: "") },
            limit: Self.changesLimit)
    }

    /// `changes.xml`: the same changes as an Atom feed.
    func changesFeed() -> OutputFile {
        let entries = recentChanges.map { document, change in
            AtomFeed.Entry(title: document.title.value, path: document.id.url, category: place(of: document) ?? "", change: change)
        }
        let site = content.site
        return OutputFile(
            path: "changes.xml",
            contents: AtomFeed.xml(
                title: "\(site.title): recent changes", siteTitle: site.title, language: site.language, baseURL: site.baseURL?.value,
                entries: entries, authors: site.gitAuthors))
    }

    /// `owners.html`: every page grouped by owner, stale pages first (reviewed longer ago than `review_after_months`),
    /// then the others by title; pages without an owner apart, at the end.
    func ownersView() -> OwnersView {
        let months = content.site.reviewAfterMonths
        func view(_ document: Document) -> OwnedPageView {
            OwnedPageView(
                title: document.title.value, url: document.id.url, section: place(of: document),
                reviewed: document.reviewed?.value.long, reviewedISO: document.reviewed?.value.iso,
                stale: document.isStale(today: today, afterMonths: months), updated: document.lastChange.map(updatedView))
        }
        func ordered(_ documents: [Document]) -> [OwnedPageView] {
            documents.map(view).sorted { a, b in
                if a.stale != b.stale { return a.stale }
                if a.stale, a.reviewedISO != b.reviewedISO { return (a.reviewedISO ?? "") < (b.reviewedISO ?? "") }
                return (a.title.lowercased(), a.url) < (b.title.lowercased(), b.url)
            }
        }
        let documents = content.documents
        let byOwner = Dictionary(grouping: documents.compactMap { document in document.owner.map { (owner: $0, document: document) } }) {
            $0.owner
        }
        let owners = byOwner.sorted { ($0.key.lowercased(), $0.key) < ($1.key.lowercased(), $1.key) }.enumerated().map {
            index, group in
            let (owner, owned) = group
            let pages = ordered(owned.map(\.document))
            let stale = pages.count(where: \.stale)
            let tally = "\(pages.count) page\(pages.count == 1 ? "" : "s")" + (stale > 0 ? ", \(stale) stale" : "")
            return OwnerView(owner: owner, id: "owner-\(index + 1)", pages: pages, staleCount: stale, tally: tally)
        }
        return OwnersView(
            root: "", title: "Owners and freshness", owners: owners, unowned: ordered(documents.filter { $0.owner == nil }),
            staleCount: owners.reduce(0) { $0 + $1.staleCount }, pageCount: documents.count, reviewAfterMonths: months)
    }
}
