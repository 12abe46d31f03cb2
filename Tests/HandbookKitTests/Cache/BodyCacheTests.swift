import Foundation
import Testing

@testable import HandbookKit

/// Bodies kept from the last build (`.public.bodies`): taken as they are while their page and the site are unchanged,
/// rendered again when either changes. A body planted in the cache shows which.
@Suite struct BodyCacheTests {
    static let term = file("title: Django\nsummary: A web framework.\ncategory: framework", "Django.\n")

    /// Builds, then plants `<p>planted</p>` as the kept body of `articles/a.md`.
    func siteWithAPlantedBody() throws -> TestSite {
        let site = try TestSite([
            "articles/a.md": "# Alpha\n\nAlpha uses Django.\n", "articles/b.md": "# Beta\n\nBeta uses DRF.\n", "terms/django.md": Self.term,
        ])
        _ = try site.build()
        let cacheFile = site.options().bodyCache
        var kept = BodyCache.read(cacheFile)
        #expect(kept.count == 3)
        let key = try #require(kept.first { $0.value.html.contains("Alpha uses") }?.key)
        kept[key]?.html = "<p>planted</p>\n"
        BodyCache.write(kept.map { (key: $0.key, body: $0.value) }, to: cacheFile)
        return site
    }

    @Test func anEditElsewhereTakesTheKeptBody() throws {
        let site = try siteWithAPlantedBody()
        defer { site.remove() }
        try site.write("articles/b.md", "# Beta\n\nBeta uses DRF, still.\n")
        _ = try site.build()
        #expect(try site.read("articles/a.html").contains("<p>planted</p>"))
        #expect(try site.read("articles/b.html").contains("Beta uses DRF, still."))
    }

    @Test func anEditToThePageRendersItAgain() throws {
        let site = try siteWithAPlantedBody()
        defer { site.remove() }
        try site.write("articles/a.md", "# Alpha\n\nAlpha uses Django daily.\n")
        _ = try site.build()
        #expect(try site.read("articles/a.html").contains("Alpha uses <a class=\"term-link\""))
    }

    @Test(arguments: [
        ("terms/django.md", file("title: Django\nsummary: A web framework.\ncategory: framework\naliases: [Alpha]", "Django.\n")),
        ("articles/c.md", "# Gamma\n\nA new page.\n"), ("articles/img.png", "not really a picture"),
    ])
    func aChangeToTheSiteRendersEveryBodyAgain(_ path: String, _ contents: String) throws {
        let site = try siteWithAPlantedBody()
        defer { site.remove() }
        try site.write(path, contents)
        _ = try site.build()
        #expect(!(try site.read("articles/a.html").contains("planted")), "\(path)")
    }

    /// The bodies are written beside the later stages and put in place only when the build succeeds: a failed build
    /// leaves the last file as it was, and no half-written one beside it.
    @Test func aFailedBuildKeepsTheLastBodies() throws {
        let site = try TestSite(["articles/a.md": "# Alpha\n\nAlpha uses Django.\n", "terms/django.md": Self.term])
        defer { site.remove() }
        _ = try site.build()
        let cacheFile = site.options().bodyCache
        let before = try Data(contentsOf: cacheFile)
        try site.write("articles/a.md", "# Alpha\n\nAlpha links [nowhere](missing.md).\n")
        #expect(try site.build().failed)
        #expect(try Data(contentsOf: cacheFile) == before)
        let beside = try FileManager.default.contentsOfDirectory(atPath: cacheFile.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.hasPrefix(".\(cacheFile.lastPathComponent)-") }, "\(beside)")
    }

    @Test func noCacheIgnoresTheKeptBodies() throws {
        let site = try siteWithAPlantedBody()
        defer { site.remove() }
        var options = site.options()
        options.useCache = false
        _ = try Build.run(options)
        #expect(!(try site.read("articles/a.html").contains("planted")))
    }

    @Test func aDamagedFileIsAnEmptyCache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bodies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".public.bodies")
        let body = RenderedBody(html: "<p>x</p>", headings: [], links: [], terms: ["django"], diagnostics: [])
        BodyCache.write([(key: Digest("a"), body: body)], to: file)
        #expect(BodyCache.read(file) == [Digest("a"): body])
        var bytes = try Data(contentsOf: file)
        bytes.removeLast(3)
        try bytes.write(to: file)
        #expect(BodyCache.read(file).isEmpty)
    }

    /// A cache larger than the megabyte it is written in: every piece arrives, in order.
    @Test func aLargeCacheIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bodies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".public.bodies")
        let entries = (0..<600).map { index in
            let html = "<p>\(index) " + String(repeating: "text ", count: 1000) + "</p>\n"
            return (key: Digest("page \(index)"), body: RenderedBody(html: html, headings: [], links: [], terms: [], diagnostics: []))
        }
        BodyCache.write(entries, to: file)
        #expect(try Data(contentsOf: file).count > 2 << 20)
        let read = BodyCache.read(file)
        #expect(read.count == 600)
        #expect(entries.allSatisfy { read[$0.key] == $0.body })
    }
}
