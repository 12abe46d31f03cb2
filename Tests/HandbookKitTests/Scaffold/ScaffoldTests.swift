import Foundation
import Testing
import Yams

@testable import HandbookKit

@Suite struct ScaffoldTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("handbook-new-\(UUID().uuidString)")
    }

    private func options(_ root: URL, strict: Bool = true) -> BuildOptions {
        BuildOptions(strict: strict, workingDirectory: root)
    }

    @Test(arguments: [
        ("Getting started", "getting-started"),
        ("Café & Crème: Ünïcode Straße", "cafe-creme-unicode-strasse"),
        ("  Python 3.12 -- what's new?  ", "python-3-12-what-s-new"),
        ("Łódź, Ærø, Œuvre", "lodz-aero-oeuvre"),
        ("C++/C#", "c-c"),
        ("日本語", ""),
    ])
    func slugsAreASCIILowercaseAndHyphenated(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
    }

    /// The ASCII fast path gives what Foundation's folding gives, for every ASCII character in every position.
    @Test func asciiSlugsFollowTheGeneralRule() {
        let characters = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var texts = characters.flatMap { [$0, "A\($0)b", " \($0) 9\($0)", "\($0)\($0)Xy-z_\($0)"] }
        texts += ["", " ", "--", "Machine Learning", "  CI/CD  ", "C++ & C#", "Python 3.12", "a--b__c"]
        for text in texts {
            #expect(Slug.ascii(text) == Slug.general(text), "\(text.debugDescription)")
        }
        #expect(Slug.ascii("Café") == nil)
    }

    @Test func aNewSiteBuildsStrictWithEveryKindAndTheRepositoryTemplates() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try Scaffold.newSite(at: root, display: "site")
        let report = try Build.run(options(root))
        #expect(report.diagnostics.map(\.formatted) == [])
        #expect(!report.failed && report.wroteOutput)
        #expect(report.pageCounts.prefix(4).map(\.count) == [1, 1, 1, 1])
        // The templates come from the binary and equal templates/ of this repository, file for file.
        let repository = TestSite.repository.appendingPathComponent("templates")
        let expected = (FileManager.default.enumerator(atPath: repository.path)?.allObjects as? [String] ?? [])
            .filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: repository.appendingPathComponent(path).path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue && !path.hasPrefix(".")
            }
        #expect(Set(written.filter { $0.hasPrefix("templates/") }) == Set(expected.map { "templates/" + $0 }))
        for path in expected {
            let original = FileManager.default.contents(atPath: repository.appendingPathComponent(path).path)
            let copy = FileManager.default.contents(atPath: root.appendingPathComponent("templates/" + path).path)
            #expect(original == copy, "templates/\(path) differs from the embedded copy")
        }
    }

    /// The workflow uses the action by its one reference, from a full clone (page dates come from Git history).
    @Test func aNewSiteHasAWorkflowThatUsesTheAction() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try Scaffold.newSite(at: root, display: "site")
        #expect(written.contains(".github/workflows/handbook.yml"))
        let text = try String(contentsOf: root.appendingPathComponent(".github/workflows/handbook.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        let steps = try #require(jobs["site"]?["steps"] as? [[String: Any]])
        #expect(
            steps.compactMap { $0["uses"] as? String } == [
                "actions/checkout@v4", StarterSite.actionReference, "actions/upload-pages-artifact@v3",
            ])
        #expect((steps.first?["with"] as? [String: Any])?["fetch-depth"] as? Int == 0)
        #expect(jobs["site"]?["container"] as? String == "swift:6.3-noble")
        #expect(jobs["deploy"]?["needs"] as? String == "site")
        #expect(StarterSite.actionReference.wholeMatch(of: /[\w.-]+\/[\w.-]+@v[0-9][\w.-]*/) != nil)
    }

    @Test func aNewSiteNeverLandsInAFolderWithFiles() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: root.appendingPathComponent("notes.txt"))
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newSite(at: root, display: "mine") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
    }

    @Test(arguments: [Kind.article, .archetype, .company])
    func aNewItemBuildsStrictInANewSite(kind: Kind) throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Scaffold.newSite(at: root, display: "site")
        let path = try Scaffold.newItem(
            kind, title: "Hiring: the \"first\" 90 days", content: root.appendingPathComponent("content"), contentDisplay: "content")
        #expect(path == "content/\(kind.folder)/hiring-the-first-90-days.md")
        let report = try Build.run(options(root))
        #expect(report.diagnostics.map(\.formatted) == [])
        let html = try String(
            contentsOf: root.appendingPathComponent("public/\(kind.folder)/hiring-the-first-90-days.html"), encoding: .utf8)
        #expect(html.contains("Hiring: the &quot;first&quot; 90 days"))
    }

    /// `--section` puts a new page in a folder of the tree: an existing one found by its slugged path, else a new one.
    @Test func aNewPageGoesIntoItsSection() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Scaffold.newSite(at: root, display: "site")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("People_Ops"), withIntermediateDirectories: true)
        let path = try Scaffold.newItem(
            .article, title: "Offer letters", section: "people-ops/hiring", content: content, contentDisplay: "content")
        #expect(path == "content/People_Ops/hiring/offer-letters.md")
        #expect(try Build.run(options(root)).diagnostics.map(\.formatted) == [])
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/people-ops/hiring/offer-letters.html").path))
        for (section, message) in [
            ("../out", "--section '../out' must be a folder inside the content folder, such as people/hiring"),
            ("terms/x", "--section 'terms/x' is inside terms/, which holds records, not pages"),
        ] {
            #expect(throws: Scaffold.Failure.self) {
                try Scaffold.newItem(.article, title: "X", section: section, content: content, contentDisplay: "content")
            }
            do {
                _ = try Scaffold.newItem(.article, title: "X", section: section, content: content, contentDisplay: "content")
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func aNewTermIsValidAndOnlyWarnsThatNothingMentionsItYet() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Scaffold.newSite(at: root, display: "site")
        let path = try Scaffold.newItem(
            .term, title: "Apache Spark", content: root.appendingPathComponent("content"), contentDisplay: "content")
        #expect(path == "content/terms/apache-spark.md")
        let report = try Build.run(options(root, strict: false))
        #expect(
            report.diagnostics.map(\.formatted) == [
                "content/terms/apache-spark.md:2:8: warning: term 'Apache Spark' is mentioned nowhere: no page names it "
                    + "and no role or company uses it [unused-term]"
            ])
    }

    @Test func aNewItemNeverOverwrites() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Scaffold.newSite(at: root, display: "site")
        let content = root.appendingPathComponent("content")
        let python = content.appendingPathComponent("terms/python.md")
        let before = FileManager.default.contents(atPath: python.path)
        #expect {
            try Scaffold.newItem(.term, title: "Python", content: content, contentDisplay: "content")
        } throws: { error in
            (error as? Scaffold.Failure)?.description == "content/terms/python.md already exists; it was left as it was"
        }
        #expect(FileManager.default.contents(atPath: python.path) == before)
    }

    @Test func aNewItemNeedsASiteAndASlug() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newItem(.article, title: "A", content: content, contentDisplay: "content") }
        _ = try Scaffold.newSite(at: root, display: "site")
        #expect {
            try Scaffold.newItem(.article, title: "日本語", content: content, contentDisplay: "content")
        } throws: { error in
            (error as? Scaffold.Failure)?.description == "no slug can be made from '日本語'; give one with --slug"
        }
        let path = try Scaffold.newItem(.article, title: "日本語", slug: "nihongo", content: content, contentDisplay: "content")
        #expect(path == "content/articles/nihongo.md")
        #expect(throws: Scaffold.Failure.self) {
            try Scaffold.newItem(.article, title: "X", slug: "Bad_Slug", content: content, contentDisplay: "content")
        }
    }
}
