import Foundation
import Testing

@testable import HandbookKit

@Suite struct BuildTests {
    /// Every file under `folder`, by relative path.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        for path in paths {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        _ = try site.build()
        let first = try snapshot(site.output)
        _ = try site.build()
        let second = try snapshot(site.output)
        #expect(first.count > 20)
        #expect(first == second)
    }

    /// A build fails on bad front matter before any page is made, or on a link to a generated page that no build
    /// writes, found once every page has been written into the staging folder: either way the output stays as it was and no folder is left.
    @Test(arguments: [
        ("terms/django.md", file("title: Django\nsummary: Changed.\ncategory: framwork")),
        ("articles/late.md", file("title: Late\nsummary: S.", "See [the tag](../tags/no-such-tag.html).\n")),
    ])
    func aFailedBuildLeavesThePreviousOutputUntouched(_ path: String, _ contents: String) throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        _ = try site.build()
        let before = try snapshot(site.output)
        try site.write(path, contents)
        let report = try site.build()
        #expect(report.failed)
        #expect(!report.wroteOutput)
        #expect(try snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            // The lock and the caches a successful build keeps beside its output are not leftovers.
            $0.hasPrefix(".public") && ![".public.lock", ".public.cache", ".public.bodies", ".public.history"].contains($0)
        }
        #expect(leftovers.isEmpty)
    }

    @Test func checkWritesNothingAndAgreesWithBuild() throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        try site.write("articles/broken.md", file("title: Broken\nsummary: S.\ntagz: [x]", "See [[nothing here]].\n"))
        let check = try site.build(write: false)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let build = try site.build()
        #expect(check.diagnostics == build.diagnostics)
        #expect(check.diagnostics.map(\.id) == ["unknown-field", "unknown-link-target"])
        #expect(check.diagnostics.map(\.severity) == [.warning, .error])
    }

    @Test func strictFailsOnWarnings() throws {
        let site = try TestSite(["terms/lonely.md": file("title: Lonely\nsummary: Nobody mentions it.\ncategory: concept")])
        defer { site.remove() }
        #expect(try site.build().failed == false)
        let strict = try site.build(strict: true)
        #expect(strict.failed)
        #expect(
            strict.diagnostics.map(\.formatted) == [
                "content/terms/lonely.md:2:8: warning: term 'Lonely' is mentioned nowhere: no page names it and no role or company uses it [unused-term]"
            ])
    }

    @Test func draftsAreBuiltWithTheFlagButNeverIndexed() throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        _ = try site.build(drafts: true)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/draft-notes.html").path))
        #expect(!(try site.read("search-index.json")).contains("Draft notes"))
    }

    @Test func tagsCannotWriteOutsideTheOutputFolder() throws {
        let site = try TestSite(["articles/a.md": file("title: A\nsummary: S.\ntags: [\"../../etc/passwd\", \"/abs\", \"..\"]")])
        defer { site.remove() }
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.formatted) == [
                "content/articles/a.md:4:36: error: tag '..' has no letters or digits to name its page [bad-tag]"
            ])
        try site.write("articles/a.md", file("title: A\nsummary: S.\ntags: [\"../../etc/passwd\"]"))
        #expect(try site.build().failed == false)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/etc-passwd.html").path))
    }

    @Test(arguments: ["../x.html", "/etc/x", "a/../../x", "", "a//b", "a/./b", ".", "a/"])
    func outputPathsMustStayInside(_ path: String) {
        #expect(!OutputWriter.isContained(path))
    }

    @Test(arguments: ["index.html", "people/hiring/index.html", "a/.well-known/x", "café/..x/é.html"])
    func outputPathsInsideAreWritten(_ path: String) {
        #expect(OutputWriter.isContained(path))
    }

    @Test func missingFoldersAreConfigurationErrors() throws {
        let site = try TestSite([:], site: nil)
        defer { site.remove() }
        #expect(throws: Build.Failure.self) { try site.build() }
    }

    @Test func templateErrorsAreDiagnosticsWithFileAndLine() throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("templates"), to: templates)
        defer { try? FileManager.default.removeItem(at: templates) }
        try Data("<h1>{{title}</h1>\n".utf8).write(to: templates.appendingPathComponent("tag.mustache"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("404.mustache"))
        try Data("{{> partials/headr}}\n".utf8).write(to: templates.appendingPathComponent("search.mustache"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("partials/term-tip.mustache"))
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        var options = site.options()
        options.templates = templates
        options.templatesDisplay = "templates"
        let report = try Build.run(options)
        #expect(
            report.diagnostics.map(\.formatted) == [
                "templates/404.mustache:1:1: error: missing template '404.mustache', which renders 404 pages [missing-template]",
                "templates/partials/term-tip.mustache:1:1: error: missing template 'partials/term-tip.mustache', which renders the "
                    + "definition of a term on the pages that link it [missing-template]",
                "templates/search.mustache:1:1: error: partial 'partials/headr' names no template; did you mean 'partials/header'? [missing-template]",
                "templates/tag.mustache:1:12: error: template syntax error: a tag is not closed with '}}' [template-syntax]",
            ])
    }
}
