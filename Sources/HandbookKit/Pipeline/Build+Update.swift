import Foundation

extension Build {
    /// What a build made its pages from, kept by `serve` between builds.
    struct Kept: Sendable {
        var options: BuildOptions
        var site: MarkdownSite
        /// The content, the bodies as the pages show them (fragment links repaired), and all that pages are made of.
        var renderer: SiteRenderer
        /// The search index's files and the sitemap, by path.
        var searchFiles: [String: Digest]
        var report: BuildReport
    }

    /// The rebuild after an edit to the text of existing pages, the common case while an author has `serve` open:
    /// it re-renders only what such an edit can reach, the page itself and the print page holding it, and returns with
    /// them on disk and the search index still to write (`SearchIndexJob`), which `serve` does after the open page
    /// has reloaded.
    ///
    /// An edit can be scoped this way only if everything other pages read of the page is as before: its front matter
    /// (or the title and summary taken from its text), its headings, the pages and terms it links and mentions, and its
    /// links' targets; and if neither the old nor the new text has a diagnostic. Anything else (a new, removed or renamed
    /// file, a term, a template, `site.yml`) returns nil, and the caller runs a full build: `kept` may then be half
    /// updated and is not to be used again. It is changed in place, so that a state held once is not copied (10,000
    /// articles). `RandomEditTests` checks the output against a full build after every edit.
    static func update(_ kept: inout Kept, changed sources: [String]) -> (report: BuildReport, index: SearchIndexJob)? {
        var clock = StageClock()
        guard !sources.isEmpty, !kept.report.failed else { return nil }
        // First every changed file is read and rendered; only if all can be scoped does anything change.
        var replacements: [(index: Int, article: Article, body: RenderedBody)] = []
        for source in Set(sources).sorted() {
            let content = kept.renderer.content
            guard source.hasSuffix(".md"), let index = content.articles.firstIndex(where: { $0.document.source == source }) else {
                return nil
            }
            let old = content.articles[index]
            let id = old.document.id
            // The top folder's index.md is the home page's text, which the home page shows with everything else.
            guard id.slug != "index", !kept.report.diagnostics.contains(where: { $0.location.path == old.document.path }),
                let oldBody = kept.renderer.bodies[id]
            else { return nil }
            var problems: [Diagnostic] = []
            let record = ContentLoader.reload(
                source, id: id, in: kept.options.content, displayPrefix: kept.options.contentDisplay, diagnostics: &problems)
            guard case .article(var article)? = record, problems.isEmpty else { return nil }
            article.document.lastChange = old.document.lastChange
            var sameButText = article
            sameButText.document.body = old.document.body
            guard sameButText == old else { return nil }
            guard let body = MarkdownStage.render([article.document], site: kept.site).bodies.first, body.diagnostics.isEmpty,
                body.headings == oldBody.headings, body.links == oldBody.links, body.terms == oldBody.terms,
                body.omittedIDs == oldBody.omittedIDs, Self.targets(body.references) == Self.targets(oldBody.references)
            else { return nil }
            replacements.append((index, article, body))
        }
        let printBook = kept.renderer.printBook
        for (index, article, body) in replacements { kept.renderer.replace(articleAt: index, with: article, body: body) }
        // A longer or shorter text can move the print handbook's volume boundaries, and so change other volumes.
        guard kept.renderer.printBook == printBook else { return nil }
        let renderer = kept.renderer
        let edited = replacements.map(\.article)
        clock.mark("load and markdown")

        var jobs: [@Sendable () -> (OutputFile?, Diagnostic?)] = []
        for article in edited { jobs += renderer.pagesShowingBody(of: article) }
        let rendered = jobs.parallelMap { $0() }
        guard rendered.allSatisfy({ $0.0 != nil && $0.1 == nil }) else { return nil }
        var seen = Set<String>()
        let pages = rendered.compactMap(\.0).filter { seen.insert($0.path).inserted }
        clock.mark("pages")

        let lock = try? OutputLock.acquire(for: kept.options.output)
        defer { lock?.release() }
        let output = kept.options.output.path
        let problems = pages.parallelMap { OutputWriter.replace(output + "/" + $0.path, with: $0.contents) }
        guard problems.allSatisfy({ $0 == nil }) else { return nil }
        clock.mark("write")
        var report = kept.report
        report.stageTimes = clock.stages
        let index = SearchIndexJob(
            content: renderer.content, bodies: renderer.bodies, chunkAbove: kept.options.chunkSearchIndexAbove, output: output)
        return (report, index)
    }

    /// The search index after `update`: made from the content as it is now, written where it differs from the files
    /// the output has.
    struct SearchIndexJob: Sendable {
        let content: ContentSet
        let bodies: [ItemID: RenderedBody]
        let chunkAbove: Int
        let output: String

        /// The index's files (1.2 s at 10,000 articles: it runs after the open page reloaded).
        func files() -> [OutputFile] { searchIndexFiles(content: content, bodies: bodies, chunkAbove: chunkAbove) }

        /// Writes those of `files` whose digest differs from `previous`, removes the index files no longer made; returns
        /// the new digests. The sitemap is kept: the same pages exist.
        func write(_ files: [OutputFile], over previous: [String: Digest]) -> [String: Digest] {
            var digests = previous.filter { $0.key == "sitemap.xml" }
            for file in files {
                let digest = Digest(file.contents)
                digests[file.path] = digest
                if previous[file.path] != digest { _ = OutputWriter.replace(output + "/" + file.path, with: file.contents) }
            }
            for path in previous.keys where digests[path] == nil { unlink(output + "/" + path) }
            return digests
        }
    }

    /// What a page's links point at, whatever their place in its text.
    private static func targets(_ references: [LinkReference]) -> [LinkReference] {
        references.map {
            var reference = $0
            reference.location = SourceLocation(path: reference.location.path)
            return reference
        }
    }
}
