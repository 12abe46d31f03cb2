import Foundation
import Testing

@testable import HandbookKit

/// Incremental builds equal full builds, byte for byte, after every kind of change; unchanged pages are not rewritten.
@Suite struct IncrementalBuildTests {
    /// A site folder with its own copy of the templates (so tests can change them) and two outputs:
    /// `public/` built with the cache, `full/` built afresh each time.
    struct Workspace {
        let site: TestSite
        var templates: URL { site.root.appendingPathComponent("templates") }

        init(_ site: TestSite) throws {
            self.site = site
            try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("templates"), to: templates)
        }

        func options(output: String, cache: Bool) -> BuildOptions {
            var options = BuildOptions(content: "content", templates: "templates", output: output, workingDirectory: site.root)
            options.useCache = cache
            return options
        }

        var incremental: URL { site.root.appendingPathComponent("public") }

        /// Builds with the cache and without; expects equal reports and byte-identical outputs.
        @discardableResult
        func buildBoth(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildReport {
            let cached = try Build.run(options(output: "public", cache: true))
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent("full"))
            let full = try Build.run(options(output: "full", cache: false))
            #expect(cached.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
            #expect(
                cached.failed == full.failed && cached.summaryLine.prefix(40) == full.summaryLine.prefix(40), sourceLocation: sourceLocation
            )
            if !full.failed {
                let expected = try snapshot(site.root.appendingPathComponent("full"))
                let actual = try snapshot(incremental)
                #expect(expected.count > 10, sourceLocation: sourceLocation)
                #expect(Set(actual.keys) == Set(expected.keys), sourceLocation: sourceLocation)
                for (path, data) in expected where actual[path] != data {
                    Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
                }
            }
            return cached
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = site.root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try Data(changed.utf8).write(to: url)
        }

        func move(_ from: String, _ to: String) throws {
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(from), to: site.root.appendingPathComponent(to))
        }
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }

    /// Each generated file's inode: a rewritten file has a new one, a reused file keeps it.
    static func inodes(_ folder: URL) -> [String: UInt64] {
        BuildCache.stamps(of: folder).mapValues(\.inode)
    }

    /// Paths rewritten between two inode maps.
    static func rewritten(_ before: [String: UInt64], _ after: [String: UInt64]) -> Set<String> {
        Set(after.filter { before[$0.key] != $0.value }.keys)
    }

    /// A deterministic generated site: terms mentioned across articles, tags, [[links]], a role and a company.
    static func generated() throws -> TestSite {
        var files: [String: String] = [:]
        let names = (0..<12).map { $0 % 3 == 0 ? "Tool\($0) Engine" : "lib\($0)" }
        for (index, name) in names.enumerated() {
            files["terms/term-\(index).md"] = file(
                "title: \(name)\nsummary: Term \(index) in one sentence.\ncategory: tool\naliases: [alias\(index)]",
                "## What it is\n\n\(name) is a tool. See \(names[index / 2]).\n")
        }
        for index in 0..<40 {
            let mentioned = names[(index * 7) % names.count]
            let link = index > 0 ? "See [[Article \(index - 1)]]. " : ""
            files["articles/article-\(index).md"] = file(
                "title: Article \(index)\nsummary: Article \(index) for the cache tests.\norder: \(index)\ntags: [group-\(index % 4)]",
                "## Part one\n\nThe team uses \(mentioned) every day. \(link)\n\n## Part two\n\nMore about \(names[index % names.count]).\n"
            )
        }
        files["archetypes/builder.md"] = file(
            "title: Builder\nsummary: Builds things.\nbuilds: [Services]\nuses: [term-0, term-1]\ncompanies: [acme]")
        files["companies/acme.md"] = file("title: Acme\nindustry: Retail\nsummary: Sells things.\narchetypes: [builder]")
        return try TestSite(files)
    }

    @Test func aGeneratedSiteStaysIdenticalToFullBuildsThroughEditsRenamesDeletionsAndTemplateChanges() throws {
        let workspace = try Workspace(try Self.generated())
        defer { workspace.site.remove() }
        try workspace.buildBoth()

        // Nothing changed: the last build stands, not a file is touched.
        let before = Self.inodes(workspace.incremental)
        let unchanged = try workspace.buildBoth()
        #expect(unchanged.stageTimes.map { $0.stage } == ["cache: up to date"])
        #expect(Self.inodes(workspace.incremental) == before)

        // One article edited: its page, the pages listing or linking it, the terms it now mentions, the index.
        try workspace.edit("content/articles/article-5.md") { $0.replacingOccurrences(of: "every day.", with: "every day with lib4.") }
        let edited = try workspace.buildBoth()
        #expect(edited.stageTimes.map { $0.stage }.contains("markdown+glossary"))
        let afterEdit = Self.inodes(workspace.incremental)
        let rewritten = Self.rewritten(before, afterEdit)
        #expect(rewritten.isSuperset(of: ["articles/article-5.html", "terms/term-4.html", "search-index.json", "search-index.js"]))
        #expect(!rewritten.contains("articles/article-20.html") && !rewritten.contains("terms/term-9.html"))
        #expect(rewritten.count < afterEdit.count / 4, "rewrote \(rewritten.count) of \(afterEdit.count) files")

        // Renamed, deleted, a new tag, a template change, a site setting.
        try workspace.move("content/articles/article-39.md", "content/articles/the-last-one.md")
        try workspace.buildBoth()
        #expect(!FileManager.default.fileExists(atPath: workspace.incremental.appendingPathComponent("articles/article-39.html").path))
        try FileManager.default.removeItem(at: workspace.site.root.appendingPathComponent("content/terms/term-11.md"))
        try workspace.buildBoth()
        try workspace.edit("content/articles/article-7.md") { $0.replacingOccurrences(of: "tags: [group-3]", with: "tags: [fresh]") }
        try workspace.buildBoth()
        let beforeTemplate = Self.inodes(workspace.incremental)
        try workspace.edit("templates/article.mustache") { $0 + "\n<!-- article template changed -->\n" }
        try workspace.buildBoth()
        let afterTemplate = Self.inodes(workspace.incremental)
        #expect(Self.rewritten(beforeTemplate, afterTemplate).contains("articles/article-0.html"))
        #expect(!Self.rewritten(beforeTemplate, afterTemplate).contains("terms/term-0.html"))
        #expect(!Self.rewritten(beforeTemplate, afterTemplate).contains { $0.hasPrefix("assets/") })
        try workspace.edit("templates/assets/style.css") { $0 + "\n/* changed */\n" }
        try workspace.buildBoth()
        #expect(Self.rewritten(afterTemplate, Self.inodes(workspace.incremental)) == ["assets/style.css"])
        // A content file published as it is (an image) is linked while unchanged, rewritten when it changes.
        try workspace.site.writeBytes("articles/chart.png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
        try workspace.edit("content/articles/article-2.md") { $0 + "\n![chart](chart.png)\n" }
        try workspace.buildBoth()
        let withImage = Self.inodes(workspace.incremental)
        let image = try #require(withImage.keys.first { $0.hasSuffix("chart.png") })
        try workspace.edit("content/articles/article-4.md") { $0 + "\nOne more line.\n" }
        try workspace.buildBoth()
        #expect(Self.inodes(workspace.incremental)[image] == withImage[image])
        try workspace.site.writeBytes("articles/chart.png", [0x89, 0x50, 0x4E, 0x47, 9, 9])
        try workspace.buildBoth()
        #expect(Self.rewritten(withImage, Self.inodes(workspace.incremental)).contains(image))
        try workspace.edit("content/site.yml") { $0.replacingOccurrences(of: "Test Handbook", with: "Renamed Handbook") }
        try workspace.buildBoth()

        // A broken edit leaves everything as it was; the fix builds to the same bytes as a full build.
        let beforeBroken = try Self.snapshot(workspace.incremental)
        try workspace.edit("content/articles/article-3.md") { $0.replacingOccurrences(of: "order:", with: "order: [") }
        #expect(try workspace.buildBoth().failed)
        #expect(try Self.snapshot(workspace.incremental) == beforeBroken)
        try workspace.edit("content/articles/article-3.md") { $0.replacingOccurrences(of: "order: [", with: "order:") }
        try workspace.buildBoth()
    }

    /// A team's wiki: edits, a new page in a new folder, a folder's README moved away, a rename that changes a URL;
    /// after each, the incremental output equals a full build's.
    @Test func aWikiTreeStaysIdenticalToFullBuildsThroughEditsAndMoves() throws {
        let workspace = try Workspace(try TestSite(fixture: "wiki"))
        defer { workspace.site.remove() }
        try workspace.buildBoth()
        try workspace.edit("content/People_Ops/Onboarding/first-week.md") { $0.replacingOccurrences(of: "order: 1", with: "order: 9") }
        try workspace.buildBoth()
        try workspace.site.write("Process/Sourcing/Boards/Job_Boards.md", "# Job boards\n\nWhere we post. See [[Boolean Search]].\n")
        try workspace.buildBoth()
        let onboarding = workspace.site.root.appendingPathComponent("content/People_Ops/Onboarding")
        try FileManager.default.moveItem(
            at: onboarding.appendingPathComponent("README.md"), to: onboarding.appendingPathComponent("overview.md"))
        try workspace.buildBoth()
        try FileManager.default.moveItem(
            at: workspace.site.root.appendingPathComponent("content/Process/Interview_Process.md"),
            to: workspace.site.root.appendingPathComponent("content/Process/Interviews.md"))
        // The old name is now a missing file where it was linked: the build fails and both builds say so alike.
        #expect(try workspace.buildBoth().failed)
    }

    @Test func aMissingDamagedOrStaleCacheOrATouchedOutputMeansAFullBuild() throws {
        let workspace = try Workspace(try Self.generated())
        defer { workspace.site.remove() }
        try workspace.buildBoth()
        let cacheFile = workspace.site.root.appendingPathComponent(".public.cache")
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        #expect(!FileManager.default.fileExists(atPath: workspace.incremental.appendingPathComponent(".public.cache").path))

        // Damaged: cut in half. Every file is written afresh, and the result is still right.
        var before = Self.inodes(workspace.incremental)
        let text = try Data(contentsOf: cacheFile)
        try text.prefix(text.count / 2).write(to: cacheFile)
        var report = try workspace.buildBoth()
        #expect(report.stageTimes.map { $0.stage }.contains("pages"))
        #expect(Self.rewritten(before, Self.inodes(workspace.incremental)).count == before.count)

        // Stale: the inputs it remembers are not these (as after a new binary or another option).
        let manifest = try String(contentsOf: cacheFile, encoding: .utf8)
        try Data(manifest.replacing(#/inputs\t[0-9a-f]+-/#, with: "inputs\t1234-").utf8).write(to: cacheFile)
        report = try workspace.buildBoth()
        #expect(report.stageTimes.map { $0.stage }.contains("pages"))

        // Missing.
        try FileManager.default.removeItem(at: cacheFile)
        report = try workspace.buildBoth()
        #expect(report.stageTimes.map { $0.stage }.contains("pages"))

        // A page edited by hand in the output is put right; the rest are reused.
        before = Self.inodes(workspace.incremental)
        try Data("tampered".utf8).write(to: workspace.incremental.appendingPathComponent("articles/article-1.html"))
        try Data("stray".utf8).write(to: workspace.incremental.appendingPathComponent("stray.html"))
        report = try workspace.buildBoth()
        #expect(report.stageTimes.map { $0.stage }.contains("pages"))
        #expect(Self.rewritten(before, Self.inodes(workspace.incremental)) == ["articles/article-1.html"])

        // --no-cache writes everything afresh.
        before = Self.inodes(workspace.incremental)
        report = try Build.run(workspace.options(output: "public", cache: false))
        #expect(report.stageTimes.map { $0.stage }.contains("pages"))
        #expect(Self.rewritten(before, Self.inodes(workspace.incremental)).count == before.count)
    }

    @Test func anInputWithTheStampItWasReadWithIsNotReadAgainUnlessItChangedJustBeforeThen() throws {
        let site = try TestSite(["articles/a.md": file("title: A\nsummary: S.")])
        defer { site.remove() }
        let workspace = try Workspace(site)
        let options = workspace.options(output: "public", cache: true)
        let path = site.root.appendingPathComponent("content/articles/a.md").path
        let long = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: long], ofItemAtPath: path)
        let first = try #require(InputFingerprint.take(options))
        let entry = try #require(first.files["content/articles/a.md"])
        #expect(entry.stamp.modified != "recent")
        // A made-up digest under the file's real stamp is taken as it is: the file was not read.
        var known = first.files
        known["content/articles/a.md"]?.digest = Digest(high: 1, low: 2)
        #expect(
            try #require(InputFingerprint.take(options, known: known)).files["content/articles/a.md"]?.digest == Digest(high: 1, low: 2))
        // A file saved just now is read every time, whatever was recorded.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        let fresh = try #require(InputFingerprint.take(options, known: known))
        #expect(fresh.files["content/articles/a.md"]?.digest == entry.digest)
        #expect(fresh.files["content/articles/a.md"]?.stamp.modified == "recent")
        #expect(fresh.digest == first.digest)
    }

    /// A first build lists its inputs before any stage reads them and reads them for the fingerprint beside the stages:
    /// a file saved in between is recorded under a digest no bytes have, so the next build reads it and builds again.
    @Test func aFileSavedWhileTheFingerprintIsTakenIsNeverTrusted() throws {
        let site = try TestSite(["articles/a.md": "# Alpha\n\nFirst text.\n", "articles/b.md": "# Beta\n\nText.\n"])
        defer { site.remove() }
        let options = site.options()
        let path = site.root.appendingPathComponent("content/articles/a.md").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        let files = try #require(InputFingerprint.files(options))
        try site.write("articles/a.md", "# Alpha\n\nSecond text.\n")
        let taken = try #require(InputFingerprint.digest(files, options: options))
        #expect(taken.files["content/articles/a.md"]?.digest == Digest(high: 0, low: 0))
        #expect(taken.files["content/articles/b.md"]?.digest != Digest(high: 0, low: 0))
        // Left alone, the same files give the fingerprint a full read gives.
        let again = try #require(InputFingerprint.files(options))
        #expect(try #require(InputFingerprint.digest(again, options: options)).digest == InputFingerprint.take(options)?.digest)
    }

    @Test func theHandbookStaysIdenticalToFullBuildsThroughAnEditARenameAndATemplateChange() throws {
        let site = try TestSite([:], site: nil)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: TestSite.repository.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        let workspace = try Workspace(site)
        try workspace.buildBoth()
        #expect(try workspace.buildBoth().stageTimes.map { $0.stage } == ["cache: up to date"])

        let articles = site.root.appendingPathComponent("content/articles")
        let slugs = try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".md") }.sorted()
        let first = try #require(slugs.first)
        try workspace.edit("content/articles/\(first)") { $0 + "\nA closing line that mentions Django and pandas.\n" }
        try workspace.buildBoth()

        // Rename an article nothing links to by its slug.
        let all = try slugs.map { try String(contentsOf: articles.appendingPathComponent($0), encoding: .utf8) }.joined()
        let loner = try #require(slugs.first { !all.contains("[[\($0.dropLast(3))") && !all.contains("\($0)") })
        try workspace.move("content/articles/\(loner)", "content/articles/renamed-\(loner)")
        try workspace.buildBoth()

        try workspace.edit("templates/layout.mustache") { $0.replacingOccurrences(of: "</body>", with: "<!-- layout changed -->\n</body>") }
        try workspace.buildBoth()
    }
}
