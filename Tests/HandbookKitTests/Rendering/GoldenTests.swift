import Foundation
import Testing

@testable import HandbookKit

/// The `<main>` element of each page of the fixture sites, against files under `Golden/<fixture>/`: `tricky` (every kind
/// of record and page), `wiki` (a team's wiki as it is: nested folders, no front matter, odd names).
/// Re-record with `RECORD_GOLDEN=1 swift test --filter GoldenTests`; a missing golden file fails.
@Suite struct GoldenTests {
    static let pages = [
        "index.html", "articles/tricky-mentions.html", "articles/other-article.html", "articles/index.html",
        "terms/django.html", "terms/python.html", "terms/hidden.html", "terms/index.html",
        "archetypes/backend-developer.html", "archetypes/backend-developer-kit.html", "archetypes/index.html", "companies/acme.html",
        "companies/index.html",
        "tags/linking.html", "tags/index.html", "questions.html", "checklist.html", "print.html", "search.html", "404.html",
    ]

    static let wikiPages = [
        "index.html", "people-ops/index.html", "people-ops/hm-intro-call.html", "people-ops/onboarding/index.html",
        "people-ops/onboarding/first-week.html", "people-ops/onboarding/required-posting-page.html", "process/index.html",
        "process/interview-process.html", "process/sourcing/index.html", "process/sourcing/boolean-search.html", "terms/django.html",
        "print.html",
    ]

    static let built: Result<TestSite, Error> = build("tricky")
    static let wiki: Result<TestSite, Error> = build("wiki")

    static func build(_ fixture: String) -> Result<TestSite, Error> {
        Result {
            let site = try TestSite(fixture: fixture)
            let report = try site.build()
            guard !report.failed else { throw Build.Failure(description: report.diagnostics.map(\.formatted).joined(separator: "\n")) }
            return site
        }
    }

    @Test(arguments: pages.map { ("tricky", $0) } + wikiPages.map { ("wiki", $0) })
    func mainMatchesGolden(_ fixture: String, _ page: String) throws {
        let site = try (fixture == "wiki" ? Self.wiki : Self.built).get()
        let actual = mainElement(try site.read(page)) + "\n"
        let golden = TestSite.fixtures.deletingLastPathComponent().appendingPathComponent("Golden/\(fixture)/\(page)")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: golden)
            return
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            Issue.record("missing golden file \(golden.path); record it with RECORD_GOLDEN=1")
            return
        }
        #expect(actual == expected)
    }

    @Test func theLayoutFramesEveryPage() throws {
        let html = try Self.built.get().read("terms/django.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Django · Tricky Handbook</title>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://handbook.example.com/docs/terms/django.html\">"))
        #expect(html.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1 per page")
    }

    @Test func termTipsAreAnnouncedFromTheLayout() throws {
        let html = try Self.built.get().read("articles/tricky-mentions.html")
        #expect(html.contains("<div id=\"term-tips\" hidden>\n<span id=\"tip-python\">A general-purpose programming language.</span>"))
    }

    @Test func sitemapListsPagesWhenBaseURLIsSet() throws {
        let xml = try Self.built.get().read("sitemap.xml")
        #expect(xml.contains("<url><loc>https://handbook.example.com/docs/</loc></url>"))
        #expect(xml.contains("<url><loc>https://handbook.example.com/docs/terms/django.html</loc></url>"))
        #expect(!xml.contains("404.html"))
    }

    @Test func draftsStayOutWithoutTheFlag() throws {
        let site = try Self.built.get()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/draft-notes.html").path))
        #expect(!(try site.read("search-index.json")).contains("Draft notes"))
    }
}
