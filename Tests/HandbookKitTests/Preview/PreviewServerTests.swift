import Foundation
import Testing

@testable import HandbookKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `handbook serve` through a real HTTP client on 127.0.0.1; every server is stopped by its test.
@Suite(.timeLimit(.minutes(1))) struct PreviewServerTests {
    static let article = "---\ntitle: Intro\nsummary: Start here.\n---\nWe use Django.\n"
    static let term = "---\ntitle: Django\nsummary: A web framework.\ncategory: framework\n---\nDjango.\n"

    struct Reply {
        var status: Int
        var type: String
        var text: String
    }

    private func get(_ url: URL) async throws -> Reply {
        var request = URLRequest(url: url)
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return Reply(
            status: http?.statusCode ?? 0, type: http?.value(forHTTPHeaderField: "Content-Type") ?? "",
            text: String(decoding: data, as: UTF8.self))
    }

    /// The long-poll answer after `generation`: what an open page hears.
    private func next(_ preview: PreviewServer, after generation: Int) async throws -> LiveReload.State {
        let url = URL(string: "__handbook/changes?since=\(generation)", relativeTo: preview.url)?.absoluteURL ?? preview.url
        return try JSONDecoder().decode(LiveReload.State.self, from: Data(try await get(url).text.utf8))
    }

    /// Starts a preview of `site` on a free port, runs `body`, and always stops the server.
    private func serving(_ site: TestSite, _ body: (PreviewServer) async throws -> Void) async throws {
        let options = PreviewServer.Options(build: site.options(), host: "127.0.0.1", port: 0, pollInterval: .milliseconds(100))
        let preview = try await PreviewServer.start(options) { _ in }
        let runner = Task { await preview.run() }
        do {
            try await body(preview)
        } catch {
            await preview.stop()
            await runner.value
            throw error
        }
        await preview.stop()
        await runner.value
        #expect(!FileManager.default.fileExists(atPath: preview.siteFolder.deletingLastPathComponent().path))
    }

    private func url(_ path: String, _ preview: PreviewServer) -> URL {
        URL(string: path, relativeTo: preview.url)?.absoluteURL ?? preview.url
    }

    @Test func servesPagesWithTheReloadScriptOnlyInServedHTML() async throws {
        let site = try TestSite(["articles/intro.md": Self.article, "terms/django.md": Self.term])
        defer { site.remove() }
        try await serving(site) { preview in
            let page = try await get(url("articles/intro.html", preview))
            #expect(page.status == 200 && page.type == "text/html; charset=utf-8")
            #expect(page.text.contains("<h1>Intro</h1>") || page.text.contains(">Intro<"))
            #expect(page.text.contains("<script data-handbook-live>"))
            #expect(page.text.hasSuffix("</script>\n</body>\n</html>\n"))
            let onDisk = try String(contentsOf: preview.siteFolder.appendingPathComponent("articles/intro.html"), encoding: .utf8)
            #expect(!onDisk.contains("data-handbook-live"))
            let css = try await get(url("assets/style.css", preview))
            #expect(css.status == 200 && css.type == "text/css; charset=utf-8" && !css.text.contains("data-handbook-live"))
            let home = try await get(preview.url)
            #expect(home.status == 200 && home.text.contains("data-handbook-live"))
            let missing = try await get(url("articles/nope.html", preview))
            #expect(missing.status == 404 && missing.text.contains("data-handbook-live"))
            let outside = try await get(url("..%2F..%2Fetc/passwd", preview))
            #expect(outside.status == 400 || outside.status == 404)
            #expect(!FileManager.default.fileExists(atPath: site.output.path), "public/ is never written by serve")
        }
    }

    @Test func anEditPushesAReloadAndABrokenEditAnOverlayOverTheLastGoodSite() async throws {
        let site = try TestSite(["articles/intro.md": Self.article, "terms/django.md": Self.term])
        defer { site.remove() }
        try await serving(site) { preview in
            let first = await preview.liveState
            #expect(first.ok)
            try site.write("articles/intro.md", Self.article.replacingOccurrences(of: "We use Django.", with: "We now use Flask."))
            let reload = try await next(preview, after: first.generation)
            #expect(reload == LiveReload.State(generation: first.generation + 1, ok: true, errors: nil))
            #expect(try await get(url("articles/intro.html", preview)).text.contains("We now use Flask."))

            try site.write("articles/intro.md", "---\ntitle: Intro\norder: first\n---\nBroken now.\n")
            let broken = try await next(preview, after: reload.generation)
            #expect(!broken.ok && broken.generation == reload.generation + 1)
            #expect(
                broken.errors
                    == """
                    content/articles/intro.md:3:8: error: 'order' must be a whole number [wrong-type]
                    content/terms/django.md:2:8: warning: term 'Django' is mentioned nowhere: no page names it and no role or company uses it [unused-term]
                    1 error, 1 warning
                    """)
            // The last good page stays served, now carrying the errors for the overlay.
            let page = try await get(url("articles/intro.html", preview))
            #expect(page.text.contains("We now use Flask.") && !page.text.contains("Broken now."))
            #expect(page.text.contains(#""ok":false"#) && page.text.contains("'order' must be a whole number"))

            try site.write("articles/intro.md", Self.article)
            let fixed = try await next(preview, after: broken.generation)
            #expect(fixed.ok && fixed.errors == nil)
        }
    }

    @Test func aCommitRedatesTheServedPagesThoughNoPageChanged() async throws {
        let site = try TestSite(["articles/intro.md": Self.article, "terms/django.md": Self.term])
        defer { site.remove() }
        try GitHistoryTests.git(["init", "-q", "-b", "main"], in: site.root)
        try GitHistoryTests.commit("First", by: "Ana", at: "2026-01-10T09:00:00+00:00", in: site.root)
        try await serving(site) { preview in
            let first = await preview.liveState
            #expect(try await get(url("articles/intro.html", preview)).text.contains("10 January 2026"))
            try GitHistoryTests.git(
                ["commit", "-q", "--amend", "--no-edit", "--date=2026-02-11T09:00:00+00:00"], in: site.root,
                date: "2026-02-11T09:00:00+00:00")
            let reload = try await next(preview, after: first.generation)
            #expect(reload.ok && reload.generation == first.generation + 1)
            #expect(try await get(url("articles/intro.html", preview)).text.contains("11 February 2026"))
        }
    }

    @Test func aBusyPortIsAClearFailure() async throws {
        let site = try TestSite(["articles/intro.md": Self.article, "terms/django.md": Self.term])
        defer { site.remove() }
        try await serving(site) { preview in
            let port = UInt16(preview.url.port ?? 0)
            let options = PreviewServer.Options(build: site.options(), host: "127.0.0.1", port: port)
            await #expect {
                _ = try await PreviewServer.start(options) { _ in }
            } throws: { error in
                (error as? PreviewServer.Failure)?.description
                    == "port \(port) on 127.0.0.1 is already in use; stop the other server or pass --port"
            }
        }
    }

    @Test func injectionGoesBeforeTheLastBodyTagAndEscapesTheErrors() {
        let state = LiveReload.State(generation: 4, ok: false, errors: "x.md:1:1: error: </script><b>")
        let html = String(decoding: LiveReload.inject(into: Data("<body><p>a</p></BODY>".utf8), state: state), as: UTF8.self)
        #expect(html.hasPrefix("<body><p>a</p><script data-handbook-live>"))
        #expect(html.hasSuffix("</script>\n</BODY>"))
        #expect(html.contains(#"error: <\/script><b>"#))
        #expect(html.components(separatedBy: "</script>").count == 2)
        let bare = String(decoding: LiveReload.inject(into: Data("plain".utf8), state: state), as: UTF8.self)
        #expect(bare.hasPrefix("plain<script data-handbook-live>"))
    }

    @Test func snapshotsSeeAddedChangedAndRemovedFilesButNotEditorDebris() throws {
        let site = try TestSite(["articles/a.md": "a", "articles/b.md": "b"])
        defer { site.remove() }
        let content = site.root.appendingPathComponent("content")
        let before = FileTreeSnapshot.take([content])
        try site.write("articles/.a.md.swp", "x")
        try site.write("articles/a.md~", "x")
        #expect(FileTreeSnapshot.take([content]) == before)
        try site.write("articles/a.md", "changed")
        try site.write("articles/c.md", "c")
        try FileManager.default.removeItem(at: content.appendingPathComponent("articles/b.md"))
        // A folder's order file is hidden, but the build reads it.
        try site.write("articles/.pages", "nav: [c.md]")
        let root = content.path
        let after = FileTreeSnapshot.take([content])
        let changed = ["\(root)/articles/.pages", "\(root)/articles/a.md", "\(root)/articles/b.md", "\(root)/articles/c.md"]
        #expect(after.changes(since: before) == changed)
        // A watcher naming the same files finds the same changes.
        var restamped = before
        let named = Set(changed + ["\(root)/articles/.a.md.swp", "\(root)/articles/a.md~"])
        #expect(restamped.restamp(named, roots: [content]) == changed)
        #expect(restamped == after)
    }
}
