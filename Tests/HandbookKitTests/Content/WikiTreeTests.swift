import Foundation
import Testing

@testable import HandbookKit

/// A team's wiki copied in as it is (`Fixtures/wiki`): nested folders, pages without front matter, odd file names,
/// `index.md` and `README.md`, images beside the pages, a broken fragment.
@Suite struct WikiTreeTests {
    static let built = GoldenTests.wiki

    @Test(arguments: [
        ("People_Ops/hm_intro_call.md", "people-ops/hm-intro-call"),
        ("People_Ops/Onboarding/README.md", "people-ops/onboarding/index"),
        ("Process/_index.md", "process/index"),
        ("README.md", "index"),
        ("articles/first-week.md", "articles/first-week"),
        ("Guides/Café Crème.md", "guides/cafe-creme"),
        ("Guides/日本語.md", "guides/日本語"),
    ])
    func pathsAreSluggedFolderByFolder(_ source: String, _ key: String) {
        #expect(PagePath.key(forSource: source) == key)
        // The loader's memo of folder keys gives the same key, the first time and after it.
        var keys = PagePath.SectionKeys()
        #expect(keys.key(forSource: source) == key)
        #expect(keys.key(forSource: source) == key)
    }

    @Test(arguments: [("a/b", "a/c/d.md", "../c/d.md"), ("", "a/b.md", "a/b.md"), ("a", "a/b.md", "b.md"), ("a/b", "x.md", "../../x.md")])
    func relativePaths(_ folder: String, _ path: String, _ expected: String) {
        #expect(PagePath.relative(from: folder, to: path) == expected)
    }

    @Test func onlyTheBrokenFragmentIsReported() throws {
        let site = try TestSite(fixture: "wiki")
        defer { site.remove() }
        #expect(
            try site.diagnostics() == [
                "content/People_Ops/hm_intro_call.md:8:14: warning: link to '../process/interview_process.md#scorecard', but "
                    + "content/Process/Interview_Process.md has no heading or id 'scorecard'; did you mean 'scorecards'? [missing-anchor]"
            ])
    }

    @Test func strictMakesTheBrokenFragmentFail() throws {
        let site = try TestSite(fixture: "wiki")
        defer { site.remove() }
        #expect(try site.build(strict: true).failed)
    }

    @Test func titlesComeFromHeadingsAndAreShownOnce() throws {
        let site = try Self.built.get()
        let call = try site.read("people-ops/hm-intro-call.html")
        #expect(call.contains("<title>Hiring manager intro call · Recruiting Wiki</title>"))
        #expect(call.components(separatedBy: "<h1").count == 2)
        #expect(call.contains("<h1 id=\"hiring-manager-intro-call\">Hiring manager intro call</h1>"))
        // The summary is the first paragraph's first sentence: it describes the page, and the page shows it once.
        #expect(
            call.contains("<meta name=\"description\" content=\"A thirty-minute call in which the hiring manager explains the team.\">"))
        #expect(!call.contains("<p class=\"summary\">"))
        // A setext heading titles the section's README; a page with no heading goes by its file name.
        #expect(try site.read("people-ops/onboarding/index.html").contains("<h1 id=\"onboarding\">Onboarding</h1>"))
        #expect(try site.read("process/sourcing/boolean-search.html").contains("<h1>Boolean Search</h1>"))
    }

    @Test func linksResolveFromTheSourceFolderToSluggedURLs() throws {
        let call = try Self.built.get().read("people-ops/hm-intro-call.html")
        #expect(call.contains("<a href=\"../process/interview-process.html#how-to-keep-feedback-legal\">interview process</a>"))
        // The fragment names no heading: the link goes to the page (and the build warns at its line).
        #expect(call.contains("<a href=\"../process/interview-process.html\">scorecards</a>"))
        #expect(call.contains("<img src=\"../People_Ops/img/flow.svg\" alt=\"How a call flows\" />"))
        #expect(call.contains("<a href=\"../index.html\">the wiki's start</a>"))
        #expect(call.contains("<a href=\"../people-ops/index.html\">this section</a>"))
        #expect(call.contains("<a href=\"../process/sourcing/index.html\">sourcing</a>"))
        // The glossary links terms on nested pages too, from the page's own depth.
        #expect(call.contains("<a class=\"term-link\" href=\"../terms/django.html\""))
    }

    @Test func sectionsHaveBreadcrumbsATreeAndPreviousAndNext() throws {
        let site = try Self.built.get()
        let page = try site.read("people-ops/onboarding/first-week.html")
        #expect(
            page.contains(
                "<li><a href=\"../../index.html\">Home</a></li><li><a href=\"../../people-ops/index.html\">People operations</a></li>"))
        #expect(page.contains("<a href=\"../../people-ops/onboarding/first-week.html\" aria-current=\"page\">The first week</a>"))
        // `order: 1` puts it before the required posting page, whatever the titles.
        #expect(
            page.contains("<a rel=\"next\" href=\"../../people-ops/onboarding/required-posting-page.html\">Required posting page →</a>"))
        // A folder with no index gets a generated page listing what it holds.
        let process = try site.read("process/index.html")
        #expect(process.contains("<a href=\"../process/interview-process.html\">Interview process</a>"))
        #expect(process.contains("<a href=\"../process/sourcing/index.html\">Sourcing</a>"))
    }

    @Test func theHomePageHasTheTopReadmeAndLeadsEverywhere() throws {
        let site = try Self.built.get()
        let home = try site.read("index.html")
        #expect(home.contains("How our recruiting team hires Python developers"))
        #expect(home.contains("<a href=\"people-ops/index.html\">People operations</a>"))
        #expect(home.contains("<a href=\"process/index.html\">Process</a>"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/index.html").path))
    }

    @Test func wikiLinksNameAPageByPathOrTitle() throws {
        let site = try TestSite(fixture: "wiki")
        defer { site.remove() }
        try site.write(
            "Process/links.md", "# Links\n\n[[people-ops/hm-intro-call]], [[People_Ops/hm_intro_call|the call]], [[people-ops]].\n")
        _ = try site.build()
        let html = try site.read("process/links.html")
        #expect(html.contains("<a href=\"../people-ops/hm-intro-call.html\">Hiring manager intro call</a>"))
        #expect(html.contains("<a href=\"../people-ops/hm-intro-call.html\">the call</a>"))
        #expect(html.contains("<a href=\"../people-ops/index.html\">People operations</a>"))
    }

    @Test func aMissingPageIsStillAnErrorAtItsPlace() throws {
        let site = try TestSite(fixture: "wiki")
        defer { site.remove() }
        try site.write("Process/gone.md", "# Gone\n\nSee [the old page](../People_Ops/hm_intro.md).\n")
        #expect(
            try site.diagnostics().contains(
                "content/Process/gone.md:3:20: error: link to a missing file '../People_Ops/hm_intro.md'; "
                    + "did you mean '../People_Ops/hm_intro_call.md'? [missing-file]"))
    }

    /// With `unsafe_html: true`, links in raw HTML resolve like Markdown's; without it the HTML is left out.
    @Test func linksInRawHTMLResolveWhenRawHTMLIsAllowed() throws {
        let site = try TestSite(fixture: "wiki")
        defer { site.remove() }
        try site.write("site.yml", "title: Recruiting Wiki\nunsafe_html: true\n")
        let raw = """
            # Raw

            <p><a href="Interview_Process.md#scorecards">cards</a> <img src='../People_Ops/img/flow.svg'>
            <a href="https://example.com/x.md">out</a> <a href="javascript:alert(1)">no</a></p>

            <div><a href="../People_Ops/missing.md">gone</a></div>

            """
        try site.write("Process/raw.md", raw)
        #expect(
            try site.diagnostics() == [
                "content/People_Ops/hm_intro_call.md:8:14: warning: link to '../process/interview_process.md#scorecard', but "
                    + "content/Process/Interview_Process.md has no heading or id 'scorecard'; did you mean 'scorecards'? [missing-anchor]",
                "content/Process/raw.md:6:15: error: link to a missing file '../People_Ops/missing.md'; "
                    + "did you mean '../People_Ops/index.md'? [missing-file]",
            ])
        try site.write("Process/raw.md", raw.replacingOccurrences(of: "missing.md", with: "index.md"))
        _ = try site.build()
        let html = try site.read("process/raw.html")
        #expect(html.contains("<a href=\"../process/interview-process.html#scorecards\">cards</a>"))
        #expect(html.contains("<img src='../People_Ops/img/flow.svg'>"))
        #expect(html.contains("<a href=\"https://example.com/x.md\">out</a> <a href=\"\">no</a>"))
        #expect(html.contains("<a href=\"../people-ops/index.html\">gone</a>"))
    }
}
