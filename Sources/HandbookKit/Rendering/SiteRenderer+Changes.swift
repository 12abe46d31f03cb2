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

    /// How many stale pages `owners.html` shows per owner; the owner's own pages list them all.
    static let ownersOverviewStale = 20

    /// Each owner's pages (and the pages with none, last, as owner nil), stale first (reviewed longer ago than
    /// `review_after_months`, oldest review first), then by title; owners A to Z, each with the path of its page.
    func ownerGroups() -> [(owner: String?, path: String, pages: [Document])] {
        let months = content.site.reviewAfterMonths
        // Sort keys are made once per page, not in every comparison.
        func ordered(_ documents: [Document]) -> [Document] {
            let keys = documents.map { document in
                let stale = document.isStale(today: today, afterMonths: months)
                return (
                    stale: stale, review: stale ? document.reviewed?.value.iso ?? "" : "", title: document.title.value.lowercased(),
                    url: document.id.url
                )
            }
            let order = documents.indices.sorted { i, j in
                let (a, b) = (keys[i], keys[j])
                if a.stale != b.stale { return a.stale }
                if a.review != b.review { return a.review < b.review }
                return (a.title, a.url) < (b.title, b.url)
            }
            return order.map { documents[$0] }
        }
        let byOwner = Dictionary(grouping: content.documents) { $0.owner ?? "" }
        var paths = Set<String>()
        var groups: [(owner: String?, path: String, pages: [Document])] = []
        for owner in byOwner.keys.filter({ !$0.isEmpty }).sorted(by: { ($0.lowercased(), $0) < ($1.lowercased(), $1) }) {
            // Owners are free text: "Docs <team>" and "docs team" slug alike, so the second gets a number.
            let slug = Slug.make(from: owner).isEmpty ? "owner" : Slug.make(from: owner)
            var path = "owners/\(slug).html"
            var number = 2
            while paths.contains(path) || path == "owners/no-owner.html" {
                path = "owners/\(slug)-\(number).html"
                number += 1
            }
            paths.insert(path)
            groups.append((owner, path, ordered(byOwner[owner] ?? [])))
        }
        if let unowned = byOwner[""] { groups.append((nil, "owners/no-owner.html", ordered(unowned))) }
        return groups
    }

    func ownedPageView(_ document: Document, from root: String) -> OwnedPageView {
        OwnedPageView(
            title: document.title.value, url: root + document.id.url, section: place(of: document),
            reviewed: document.reviewed?.value.long, reviewedISO: document.reviewed?.value.iso,
            stale: document.isStale(today: today, afterMonths: content.site.reviewAfterMonths),
            updated: document.lastChange.map(updatedView))
    }

    /// `owners.html` (each owner with a tally and their stale pages, oldest review first) and a page per owner
    /// (`owners/<owner>.html`, `owners/no-owner.html`) listing all of theirs, stale first, 100 a page.
    func ownersJobs() -> [@Sendable () -> (OutputFile?, Diagnostic?)] {
        let renderer = self
        let groups = ownerGroups()
        var jobs: [@Sendable () -> (OutputFile?, Diagnostic?)] = []
        var overview: [OwnerView] = []
        var staleTotal = 0
        for (index, group) in groups.enumerated() {
            let title = group.owner ?? "No owner"
            // Stale pages come first in a group.
            let stalePages = group.pages.prefix { $0.isStale(today: today, afterMonths: content.site.reviewAfterMonths) }
            let stale = stalePages.count
            staleTotal += stale
            let tally = "\(group.pages.count) page\(group.pages.count == 1 ? "" : "s")" + (stale > 0 ? ", \(stale) stale" : "")
            overview.append(
                OwnerView(
                    owner: title, id: group.owner == nil ? "owners-none" : "owner-\(index + 1)", url: group.path,
                    pages: stalePages.prefix(Self.ownersOverviewStale).map { ownedPageView($0, from: "") }, staleCount: stale, tally: tally,
                    hasOwner: group.owner != nil))
            let pagination = Pagination(first: group.path, count: group.pages.count)
            for page in pagination.pages {
                let root = Pagination.root(of: page.path)
                let view = OwnerPageView(
                    root: root, title: title, tally: tally, pages: group.pages[page.range].map { renderer.ownedPageView($0, from: root) },
                    hasOwner: group.owner != nil, pager: pagination.view(at: page.index))
                let pageTitle = page.index == 0 ? "Pages of \(title)" : "Pages of \(title), page \(page.index + 1)"
                jobs.append { renderer.frame(page.path, template: "owner", view: view, title: pageTitle, nav: "") }
            }
        }
        let view = OwnersView(
            root: "", title: "Owners and freshness", owners: overview, staleCount: staleTotal, pageCount: content.documents.count,
            reviewAfterMonths: content.site.reviewAfterMonths)
        jobs.append { renderer.frame("owners.html", template: "owners", view: view, title: "Owners and freshness", nav: "") }
        return jobs
    }
}
