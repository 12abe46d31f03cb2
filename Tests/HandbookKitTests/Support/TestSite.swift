import Foundation

@testable import HandbookKit

/// A throwaway site on disk: content files from a dictionary, the repository's real templates.
struct TestSite {
    let root: URL

    static let minimalSite = "title: Test Handbook\n"

    /// The repository root, found from this file's path.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = repository.appendingPathComponent("Tests/HandbookKitTests/Fixtures")

    /// The folder this process makes its sites in, removed when the process exits: a site a suite builds once and
    /// shares (a `static let`) has no test to remove it. A forked child's exit leaves it to its parent.
    static let scratch: (folder: URL, process: pid_t) = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-test-\(UUID().uuidString)")
        atexit {
            guard getpid() == TestSite.scratch.process else { return }
            try? FileManager.default.removeItem(at: TestSite.scratch.folder)
        }
        return (folder, getpid())
    }()

    /// A new folder for a site, in `scratch`.
    static func newRoot() -> URL {
        scratch.folder.appendingPathComponent(UUID().uuidString)
    }

    /// Creates `files` (paths relative to the content folder) in a new temporary folder.
    init(_ files: [String: String], site: String? = minimalSite) throws {
        root = Self.newRoot()
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        if let site { try write("site.yml", site) }
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of a fixture site under `Fixtures/<name>/content`.
    init(fixture name: String) throws {
        root = Self.newRoot()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent(name).appendingPathComponent("content"), to: root.appendingPathComponent("content"))
    }

    /// A site already on disk, its content in `root/content`.
    init(root: URL) {
        self.root = root
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    var output: URL { root.appendingPathComponent("public") }

    func options(strict: Bool = false, write: Bool = true, drafts: Bool = false) -> BuildOptions {
        var options = BuildOptions(
            content: "content", templates: Self.repository.appendingPathComponent("templates").path, output: "public",
            includeDrafts: drafts, strict: strict, writeOutput: write, workingDirectory: root)
        // A fixed day (1 June 2026, UTC): reviewed dates in fixtures never turn stale as time passes.
        options.now = Date(timeIntervalSince1970: 1_780_315_200)
        return options
    }

    func build(strict: Bool = false, write: Bool = true, drafts: Bool = false) throws -> BuildReport {
        try Build.run(options(strict: strict, write: write, drafts: drafts))
    }

    /// Diagnostics as printed, one per line.
    func diagnostics(strict: Bool = false) throws -> [String] {
        try build(strict: strict, write: false).diagnostics.map(\.formatted)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Front matter + body for a content file.
func file(_ frontMatter: String, _ body: String = "Body text.\n") -> String {
    "---\n\(frontMatter)\n---\n\(body)"
}

/// The `<main>` element of a page, which golden files compare (mdBook's check_main_file).
func mainElement(_ html: String) -> String {
    guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return html }
    return String(html[start.lowerBound..<end.upperBound])
}
