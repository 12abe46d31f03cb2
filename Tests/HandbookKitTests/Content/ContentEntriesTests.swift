import Foundation
import Testing

@testable import HandbookKit

#if canImport(Glibc)
    import Glibc
#endif

/// Content stays inside the content folder, and only regular files are read.
@Suite struct ContentEntriesTests {
    static let article = file("title: Secret\nsummary: Read from outside.", "The secret body.\n")

    /// `realpath` of a test path: the temporary folder itself may sit behind a link.
    private func resolved(_ url: URL) -> String {
        guard let pointer = realpath(url.path, nil) else { return url.path }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private func link(_ site: TestSite, _ path: String, to target: String) throws {
        let url = site.root.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    private func outsideFile(_ site: TestSite) throws -> URL {
        let outside = site.root.appendingPathComponent("outside/secret.md")
        try FileManager.default.createDirectory(at: outside.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Self.article.utf8).write(to: outside)
        return outside
    }

    private func build(_ site: TestSite, followSymlinks: Bool = false) throws -> BuildReport {
        var options = site.options()
        options.followSymlinks = followSymlinks
        return try Build.run(options)
    }

    @Test func aLinkToAFileOutsideTheContentFolderIsAnError() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let outside = try outsideFile(site)
        try link(site, "articles/secret.md", to: outside.path)
        let report = try build(site)
        #expect(
            report.diagnostics.map(\.formatted) == [
                "content/articles/secret.md:1:1: error: symbolic link to '\(resolved(outside))', outside the content folder; "
                    + "copy the file into the content folder, or build with --follow-symlinks [symlink-outside-content]"
            ])
        #expect(!report.wroteOutput)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func followSymlinksReadsThroughTheLink() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try link(site, "articles/secret.md", to: try outsideFile(site).path)
        let report = try build(site, followSymlinks: true)
        #expect(report.diagnostics.isEmpty)
        #expect(try site.read("articles/secret.html").contains("<p>The secret body.</p>"))
    }

    @Test func aLinkedFolderOutsideTheContentFolderIsAnError() throws {
        let site = try TestSite(["articles/a.md": file("title: A\nsummary: S.")])
        defer { site.remove() }
        let elsewhere = site.root.appendingPathComponent("elsewhere/terms")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try link(site, "terms", to: "../elsewhere/terms")
        #expect(
            try site.diagnostics() == [
                "content/terms:1:1: error: symbolic link to '\(resolved(elsewhere))', outside the content folder; "
                    + "copy the file into the content folder, or build with --follow-symlinks [symlink-outside-content]"
            ])
    }

    @Test func linksThatStayInsideTheContentFolderAreRead() throws {
        let site = try TestSite(["articles/a.md": file("title: A\nsummary: S.", "Shared text.\n")])
        defer { site.remove() }
        try link(site, "articles/b.md", to: "a.md")
        try link(site, "articles/c.md", to: "../articles/./a.md")
        let report = try build(site)
        #expect(!report.failed)
        #expect(try site.read("articles/b.html").contains("<p>Shared text.</p>"))
        #expect(try site.read("articles/c.html").contains("<p>Shared text.</p>"))
    }

    @Test(arguments: [false, true])
    func aLinkLoopIsAnErrorEvenWhenFollowingLinks(_ follow: Bool) throws {
        let site = try TestSite(["articles/a.md": file("title: A\nsummary: S.")])
        defer { site.remove() }
        try link(site, "articles/loop.md", to: "loop.md")
        try link(site, "articles/ping.md", to: "pong.md")
        try link(site, "articles/pong.md", to: "ping.md")
        let report = try build(site, followSymlinks: follow)
        #expect(
            report.diagnostics.map(\.formatted) == [
                "content/articles/loop.md:1:1: error: symbolic link loop: 'loop.md' leads back to itself; "
                    + "replace the link with the file it should name [symlink-loop]",
                "content/articles/ping.md:1:1: error: symbolic link loop: 'pong.md' leads back to itself; "
                    + "replace the link with the file it should name [symlink-loop]",
                "content/articles/pong.md:1:1: error: symbolic link loop: 'ping.md' leads back to itself; "
                    + "replace the link with the file it should name [symlink-loop]",
            ])
    }

    @Test func aBrokenLinkIsAnError() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try link(site, "articles/gone.md", to: "nowhere.md")
        #expect(
            try site.diagnostics() == [
                "content/articles/gone.md:1:1: error: symbolic link to 'nowhere.md', which does not exist [broken-symlink]"
            ])
    }

    @Test func aFIFOIsAnErrorAndNeverBlocks() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let fifo = site.root.appendingPathComponent("content/articles/pipe.md")
        try FileManager.default.createDirectory(at: fifo.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(fifo.path, 0o644) == 0)
        #expect(
            try site.diagnostics() == [
                "content/articles/pipe.md:1:1: error: this is a FIFO (named pipe), not a regular file; only regular files are read [not-a-file]"
            ])
        // The reader alone refuses it too, without waiting for a writer.
        #expect(throws: FileReader.Failure.self) { try FileReader.read(fifo) }
    }

    @Test func aFolderNamedLikeAMarkdownFileIsAnError() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("content/articles/folder.md"), withIntermediateDirectories: true)
        #expect(
            try site.diagnostics() == [
                "content/articles/folder.md:1:1: error: this is a folder; content files must be regular files [not-a-file]"
            ])
    }
}
