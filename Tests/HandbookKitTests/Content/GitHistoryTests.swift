import Foundation
import Testing

@testable import HandbookKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Pages dated by Git: a repository the test makes (commits with set dates and authors, a renamed file, a file not
/// committed yet), a full and a shallow clone of it, and the pages, `changes.html` and `changes.xml` built from them
/// against files under `Golden/git/`. Re-record with `RECORD_GOLDEN=1 swift test --filter GitHistoryTests`.
@Suite struct GitHistoryTests {
    /// Three commits: Ana adds the pages, Ben edits one and renames another, Chloé edits the term.
    static func repository() throws -> TestSite {
        let site = try TestSite(
            [
                "articles/a.md": file("title: Alpha\nowner: Team Blue\nreviewed: 2025-01-01", "Alpha mentions Python.\n"),
                "people/old_name.md": "# Hiring\n\nHow we hire.\n",
                "terms/python.md": file(
                    "title: Python\nsummary: A programming language.\ncategory: language\nowner: Team Blue", "Python.\n"),
            ],
            site: "title: Git Handbook\ngit_authors: true\nedit_url: https://git.example.com/org/wiki/edit/main/content/{path}\n")
        try git(["init", "-q", "-b", "main"], in: site.root)
        try commit("Add the first pages", by: "Ana Alves", at: "2026-01-10T09:00:00+01:00", in: site.root)
        try site.write("articles/a.md", file("title: Alpha\nowner: Team Blue\nreviewed: 2025-01-01", "Alpha mentions Python, twice.\n"))
        try git(["mv", "content/people/old_name.md", "content/people/hiring.md"], in: site.root)
        try commit("Alpha: a second mention; rename the hiring page", by: "Ben Berg", at: "2026-02-20T15:30:00-05:00", in: site.root)
        try site.write(
            "terms/python.md",
            file("title: Python\nsummary: A general-purpose programming language.\ncategory: language\nowner: Team Blue", "Python.\n"))
        try commit("Python: say what it is for <everyone> & \"all\"", by: "Chloé Chen", at: "2026-03-05T08:00:00+00:00", in: site.root)
        // Written after the last commit: no date, not the build's time.
        try site.write("articles/draft-of-b.md", "# Beta\n\nNot committed yet.\n")
        return site
    }

    static let built: Result<TestSite, Error> = Result {
        let site = try repository()
        let report = try site.build()
        guard !report.failed else { throw Build.Failure(description: report.diagnostics.map(\.formatted).joined(separator: "\n")) }
        return site
    }

    @Test(arguments: [
        "articles/a.html", "people/hiring.html", "terms/python.html", "articles/draft-of-b.html", "changes.html", "owners.html",
        "owners/team-blue.html", "owners/no-owner.html",
    ])
    func pagesMatchGolden(_ page: String) throws {
        try expectGolden(mainElement(try Self.built.get().read(page)) + "\n", "git/\(page)")
    }

    @Test func theFeedMatchesGoldenAndIsAtom() throws {
        let xml = try Self.built.get().read("changes.xml")
        try expectGolden(xml, "git/changes.xml")
        try AtomCheck.validate(xml)
    }

    @Test func eachPageShowsItsLastCommitAndNoneForAFileNotCommitted() throws {
        let site = try Self.built.get()
        #expect(
            try site.read("articles/a.html").contains(
                "<span class=\"updated\">Updated <time datetime=\"2026-02-20T15:30:00-05:00\">20 February 2026</time> by Ben Berg.</span>"))
        // A renamed file's change is the commit that renamed it.
        #expect(try site.read("people/hiring.html").contains("<time datetime=\"2026-02-20T15:30:00-05:00\">"))
        #expect(try site.read("terms/python.html").contains("20 February 2026") == false)
        #expect(try site.read("terms/python.html").contains("5 March 2026</time> by Chloé Chen"))
        #expect(!(try site.read("articles/draft-of-b.html").contains("class=\"updated\"")))
        let changes = try site.read("changes.html")
        let order = ["Python", "Alpha", "Hiring"].map { changes.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "newest first; one commit's pages by title")
        #expect(!changes.contains("Beta"))
        #expect(try site.read("index.html").contains("<a href=\"changes.html\">All recent changes</a>"))
    }

    @Test func sameCommitSameOutputInAnotherClone() throws {
        let site = try Self.built.get()
        let clone = site.root.deletingLastPathComponent().appendingPathComponent("clone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clone) }
        try git(["clone", "-q", site.root.path, clone.path], in: site.root)
        let other = TestSite(root: clone)
        try other.write("articles/draft-of-b.md", "# Beta\n\nNot committed yet.\n")
        #expect(try other.build().diagnostics.map(\.id) == ["stale-content"])
        for page in ["changes.xml", "changes.html", "articles/a.html", "terms/python.html", "owners.html"] {
            #expect(try other.read(page) == site.read(page), "\(page)")
        }
    }

    @Test func aShallowCloneWarnsOnceAndDatesOnlyWhatItKnows() throws {
        let site = try Self.built.get()
        let clone = site.root.deletingLastPathComponent().appendingPathComponent("shallow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clone) }
        // Two commits deep: Chloé's edit is known, the boundary commit (Ben's) only says which files existed.
        try git(["clone", "-q", "--depth", "2", "file://" + site.root.path, clone.path], in: site.root)
        let other = TestSite(root: clone)
        let report = try other.build()
        #expect(
            report.diagnostics.filter { $0.id != "stale-content" }.map(\.formatted) == [
                "content:1:1: warning: the Git repository is a shallow clone, so pages last changed before its oldest commit show "
                    + "no date; fetch the whole history: 'fetch-depth: 0' for actions/checkout, or 'git fetch --unshallow' [shallow-clone]"
            ])
        #expect(try other.read("terms/python.html").contains("5 March 2026</time>"))
        #expect(!(try other.read("articles/a.html").contains("class=\"updated\"")))
        #expect(!(try other.read("changes.html").contains(">Alpha</a>")))
    }

    @Test func aNewCommitRebuildsTheCachedSiteWithItsDate() throws {
        let site = try Self.repository()
        defer { site.remove() }
        _ = try site.build()
        #expect(try site.read("articles/a.html").contains("20 February 2026"))
        // The same bytes, committed again with a later date: only HEAD tells the cache.
        try git(
            ["commit", "-q", "--amend", "--no-edit", "--date=2026-04-01T12:00:00+00:00"], in: site.root, date: "2026-04-01T12:00:00+00:00")
        _ = try site.build()
        #expect(try site.read("terms/python.html").contains("1 April 2026"))
    }

    @Test func aBuildAfterACommitReadsOnlyTheNewCommitsAndEqualsAFullRead() throws {
        let site = try Self.repository()
        defer { site.remove() }
        _ = try site.build()
        let kept = site.root.appendingPathComponent(".public.history")
        #expect(HistoryCache.read(kept)?.changes["people/hiring.md"]?.author == "Ben Berg")
        try site.write("people/hiring.md", "# Hiring\n\nHow we hire, step by step.\n")
        try site.write("articles/new.md", "# New\n\nA new page.\n")
        try Self.commit("Hiring: steps; a new page", by: "Dev Desai", at: "2026-05-02T10:00:00+02:00", in: site.root)
        _ = try site.build()
        let cached = try #require(HistoryCache.read(kept))
        #expect(cached.changes["people/hiring.md"]?.author == "Dev Desai" && cached.changes["articles/a.md"]?.author == "Ben Berg")
        // The same site built with no cache reads the whole history: the same pages.
        var fresh = site.options()
        fresh.useCache = false
        fresh.output = site.root.appendingPathComponent("fresh")
        _ = try Build.run(fresh)
        for page in ["changes.xml", "changes.html", "people/hiring.html", "articles/new.html", "articles/a.html", "owners.html"] {
            let full = String(decoding: try Data(contentsOf: fresh.output.appendingPathComponent(page)), as: UTF8.self)
            #expect(try site.read(page) == full, "\(page)")
        }
    }

    @Test func withoutGitNoDatesNoChangesPageNoDiagnostic() throws {
        let site = try TestSite(["articles/a.md": "# Alpha\n\nText.\n"])
        defer { site.remove() }
        #expect(try site.build().diagnostics.isEmpty)
        #expect(!(try site.read("articles/a.html").contains("class=\"updated\"")))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("changes.html").path))
        #expect(try site.read("owners.html").contains("<h2 id=\"owners-none\">No owner</h2>"))
    }

    @Test func ownersWhoseNamesSlugAlikeGetPagesOfTheirOwn() throws {
        let site = try TestSite([
            "articles/a.md": file("title: A\nowner: Docs team"), "articles/b.md": file("title: B\nowner: docs-team"),
            "articles/c.md": file("title: C\nowner: No owner"),
        ])
        defer { site.remove() }
        _ = try site.build()
        let overview = try site.read("owners.html")
        for (path, page) in [("owners/docs-team.html", "A"), ("owners/docs-team-2.html", "B"), ("owners/no-owner-2.html", "C")] {
            #expect(overview.contains("<a href=\"\(path)\">"), "\(path)")
            #expect(try site.read(path).contains(">\(page)</a>"), "\(path)")
        }
    }

    @Test func theLogIsParsedPerFileNewestFirst() {
        let log =
            "\u{1E}c3\u{1F}30\u{1F}2026-01-03T00:00:00Z\u{1F}C\u{1F}third\0\na.md\0\u{1E}c2\u{1F}20\u{1F}2026-01-02T00:00:00Z\u{1F}B\u{1F}two\0"
            + "\u{1E}c1\u{1F}10\u{1F}2026-01-01T00:00:00Z\u{1F}A\u{1F}first\u{7}\0\na.md\0dir/b c.md\0"
        let changes = GitRepository.parse(Data(log.utf8))
        #expect(changes["a.md"]?.commit == "c3")
        #expect(changes["dir/b c.md"]?.subject == "first", "control characters dropped")
        #expect(GitRepository.parse(Data(log.utf8), boundary: ["c1"])["dir/b c.md"] == nil)
    }

    // MARK: Helpers

    static func commit(_ message: String, by author: String, at date: String, in folder: URL) throws {
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", message], in: folder, author: author, date: date)
    }

    @discardableResult
    static func git(_ arguments: [String], in folder: URL, author: String = "Test", date: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = author
            environment["GIT_\(role)_EMAIL"] = "\(author.split(separator: " ").first ?? "test")@example.com"
            if let date { environment["GIT_\(role)_DATE"] = date }
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw Build.Failure(description: "git \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    private func git(_ arguments: [String], in folder: URL, date: String? = nil) throws {
        try Self.git(arguments, in: folder, date: date)
    }
}

/// The rules of RFC 4287 a feed reader relies on, checked on the parsed XML: one id, title and updated on the feed
/// and each entry, ids absolute IRIs, dates RFC 3339, an author for every entry, an alternate link per entry.
enum AtomCheck {
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    static func validate(_ xml: String) throws {
        let document = try XMLDocument(data: Data(xml.utf8))
        guard let feed = document.rootElement(), feed.localName == "feed", feed.uri == "http://www.w3.org/2005/Atom" else {
            throw Invalid(description: "the root is not an Atom feed")
        }
        func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
            element.elements(forLocalName: name, uri: "http://www.w3.org/2005/Atom")
        }
        // `attribute(forName:)` finds nothing on an element in a namespace in swift-corelibs-foundation.
        func attribute(_ element: XMLElement, _ name: String) -> String? {
            element.attributes?.first { $0.name == name }?.stringValue
        }
        func one(_ element: XMLElement, _ name: String) throws -> String {
            let found = children(element, name)
            guard found.count == 1, let text = found[0].stringValue, !text.isEmpty else {
                throw Invalid(description: "<\(element.localName ?? "")> needs exactly one non-empty <\(name)>")
            }
            return text
        }
        let rfc3339 = try Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#)
        func checkCommon(_ element: XMLElement) throws {
            let id = try one(element, "id")
            guard id.wholeMatch(of: try Regex("^[a-zA-Z][a-zA-Z0-9+.-]*:.+")) != nil else {
                throw Invalid(description: "id '\(id)' is not absolute")
            }
            _ = try one(element, "title")
            let updated = try one(element, "updated")
            guard updated.wholeMatch(of: rfc3339) != nil else { throw Invalid(description: "updated '\(updated)' is not RFC 3339") }
        }
        try checkCommon(feed)
        let feedHasAuthor = !children(feed, "author").isEmpty
        let entries = children(feed, "entry")
        guard !entries.isEmpty else { throw Invalid(description: "no entries") }
        var ids = Set<String>()
        for entry in entries {
            try checkCommon(entry)
            guard ids.insert(try one(entry, "id")).inserted else { throw Invalid(description: "two entries share an id") }
            guard feedHasAuthor || !children(entry, "author").isEmpty else { throw Invalid(description: "an entry has no author") }
            for author in children(entry, "author") { _ = try one(author, "name") }
            let alternates = children(entry, "link").filter { (attribute($0, "rel") ?? "alternate") == "alternate" }
            guard alternates.count == 1, attribute(alternates[0], "href")?.isEmpty == false else {
                throw Invalid(description: "an entry needs one alternate link")
            }
        }
    }
}

/// Compares `actual` with the golden file at `Golden/<path>`, or records it under `RECORD_GOLDEN`.
func expectGolden(_ actual: String, _ path: String) throws {
    let golden = TestSite.fixtures.deletingLastPathComponent().appendingPathComponent("Golden/\(path)")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
        try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: golden)
        return
    }
    guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
        Issue.record("missing golden file \(golden.path); record it with RECORD_GOLDEN=1")
        return
    }
    #expect(actual == expected, "\(path)")
}
