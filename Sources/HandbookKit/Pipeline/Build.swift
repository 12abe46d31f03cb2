import Foundation

/// The build, read top to bottom: load → validate → templates → Markdown and glossary → cross-references
/// → pages → search index → write. Each stage takes values and returns values; diagnostics collect.
public enum Build {
    /// A failure that stops the build before it can report on content: a missing folder, an I/O error.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func run(_ options: BuildOptions) throws(Failure) -> BuildReport {
        try run(options, keeping: false).report
    }

    /// A build that also returns what its pages were made from when it wrote them (`keeping`), for `update`.
    static func run(_ options: BuildOptions, keeping: Bool) throws(Failure) -> (report: BuildReport, kept: Kept?) {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        // One build per output at a time: a second one fails here, at once, before any work.
        let lock: OutputLock?
        do {
            lock = options.writeOutput ? try OutputLock.acquire(for: options.output) : nil
        } catch {
            throw Failure(description: error.description)
        }
        defer { lock?.release() }
        let progress = ProgressReporter(callback: options.progress)

        // The content's Git repository, if any: its history dates the pages, so the cache keys on its HEAD. `check` writes
        // no page and reports nothing that depends on dates: it reads no history.
        let repository =
            options.writeOutput ? GitRepository.find(options.content, display: options.contentDisplay, diagnostics: &diagnostics) : nil
        let cache = BuildCache.open(options, git: repository)
        if var report = cache?.upToDate(strict: options.strict) {
            clock.mark("cache: up to date")
            report.stageTimes = clock.stages
            return (report, nil)
        }

        // Each file's last commit, read by one `git log` beside the stages below until the pages need it.
        let history = repository?.readHistory(cache: options.useCache ? options.historyCache : nil, save: options.writeOutput)

        progress.stage("Loading content")
        var content: ContentSet
        var templates: TemplateSet
        do {
            content = try ContentLoader.load(
                from: options.content, displayPrefix: options.contentDisplay, includeDrafts: options.includeDrafts,
                followSymlinks: options.followSymlinks, progress: progress, diagnostics: &diagnostics)
            clock.mark("load")
            templates = try TemplateSet.load(from: options.templates, displayPrefix: options.templatesDisplay, diagnostics: &diagnostics)
            templates.renderWithReference = options.renderWithReference
            clock.mark("templates")
        } catch {
            throw Failure(description: "\(error)")
        }

        let (names, problems) = Validation.run(content, today: CalendarDate(options.now))
        diagnostics += problems
        clock.mark("validate")

        var (bodies, problemsInBodies, cacheEntries, site) = renderBodies(
            content, names: names, options: options, progress: progress, keeping: keeping)
        diagnostics += problemsInBodies
        // The bodies are kept for the next build: written beside the stages below, in place only if this build succeeds.
        let bodyCache = options.useCache && options.writeOutput ? BodyCache.writing(cacheEntries, to: options.bodyCache) : nil
        defer { bodyCache?.discard() }
        cacheEntries = []
        // The text is rendered; `update` compares it with the next edit, so only a build kept for one holds on to it.
        if !keeping { content.releaseMarkdown() }
        clock.mark("markdown+glossary")

        // A #fragment that names nothing on its page is a warning at its line, and the output links to the page instead.
        let assets = options.templates.appendingPathComponent("assets")
        var linkTargets = LinkTargets(content: content, bodies: bodies, templateIDs: templates.pageIDs, templateAssets: assets)
        let (fragmentProblems, repairs) = linkTargets.checkFragments()
        diagnostics += fragmentProblems
        for (id, fixes) in repairs {
            if let html = bodies[id]?.html { bodies[id]?.html = FragmentRepair.apply(fixes, to: html, of: id) }
        }
        clock.mark("fragments")

        let references = CrossReferences(content: content, names: names, bodies: bodies)
        diagnostics += references.unusedTerms(in: content).map { term in
            .warning(
                "unused-term", at: term.document.title.location,
                "term '\(term.document.title.value)' is mentioned nowhere: no page names it and no role or company uses it")
        }
        clock.mark("cross-references")

        if let history {
            content.date(from: history.wait())
            clock.mark("git history")
        }

        // Pages go to disk as they are rendered, into a staging folder that takes the output's place only if the
        // build succeeds. A build whose content already fails writes nothing.
        let writer: OutputWriter?
        do {
            let failing = BuildReport(diagnostics: diagnostics, pageCounts: [], stageTimes: [], wroteOutput: false, strict: options.strict)
                .failed
            writer = options.writeOutput && !failing ? try OutputWriter(to: options.output, cache: cache) : nil
        } catch {
            throw Failure(description: error.description)
        }
        let deliver: @Sendable (OutputFile) -> Void = { writer?.write($0) }

        // Broken templates are already diagnosed; rendering with them would only repeat it page by page.
        var paths: [String] = []
        var renderer: SiteRenderer?
        if !diagnostics.contains(where: { $0.severity == .error && $0.location.path.hasSuffix(".mustache") }) {
            let pages = SiteRenderer(
                content: content, names: names, bodies: bodies, references: references, templates: templates,
                today: CalendarDate(options.now))
            paths = pages.render(diagnostics: &diagnostics, progress: progress, deliver: deliver)
            if keeping { renderer = pages }
        }
        clock.mark("pages")

        progress.stage("Building the search index")
        var files = searchIndexFiles(content: content, bodies: bodies, chunkAbove: options.chunkSearchIndexAbove)
        if let base = content.site.baseURL?.value {
            files.append(OutputFile(path: "sitemap.xml", contents: Sitemap.xml(baseURL: base, paths: paths + files.map(\.path))))
        }
        writer?.write(files)
        paths += files.map(\.path)
        let searchDigests = keeping ? Dictionary(files.map { ($0.path, Digest($0.contents)) }) { first, _ in first } : [:]
        files = []
        clock.mark("search index")

        progress.stage("Checking links")
        let generated = Set(paths)
        diagnostics += linkTargets.checkFiles(generated: paths.isEmpty ? nil : generated)
        let (copies, clashes) = ContentCopies.plan(
            content.files, contentFolder: options.content, displayPrefix: options.contentDisplay, generated: generated,
            templateAssets: assets)
        diagnostics += clashes
        clock.mark("links")

        var report = BuildReport(
            diagnostics: diagnostics.sortedForOutput(), pageCounts: pageCounts(paths, content: content), stageTimes: [], wroteOutput: false,
            strict: options.strict)
        report.notes = templates.unplanned.map { "template '\($0.template)' is rendered by swift-mustache, not compiled: \($0.reason)" }
        if let writer {
            guard !report.failed else {
                writer.discard()
                report.stageTimes = clock.stages
                return (report, nil)
            }
            do {
                try writer.finish(assets: assets, copies: copies, progress: progress)
            } catch {
                throw Failure(description: error.description)
            }
            report.wroteOutput = true
            cache?.save(report, digests: writer.digests)
            bodyCache?.commit()
            clock.mark("write")
        }
        report.stageTimes = clock.stages
        guard report.wroteOutput, let renderer, let site else { return (report, nil) }
        return (report, Kept(options: options, site: site, renderer: renderer, searchFiles: searchDigests, report: report))
    }

    /// The Markdown stage: every page's body, taken from the last build's cache when its page and site are as that
    /// build left them. The site comes back only for a build that keeps its state: it holds the pages' text.
    private static func renderBodies(
        _ content: ContentSet, names: NameIndex, options: BuildOptions, progress: ProgressReporter, keeping: Bool
    ) -> (
        bodies: [ItemID: RenderedBody], diagnostics: [Diagnostic], cacheEntries: [(key: Digest, body: RenderedBody)], site: MarkdownSite?
    ) {
        let site = MarkdownSite(content: content, names: names)
        let documents = content.documents
        let (rendered, keys, _) = MarkdownStage.render(
            documents, site: site, kept: options.useCache ? BodyCache.read(options.bodyCache) : [:],
            counter: progress.stage("Rendering Markdown", total: documents.count))
        let bodies = Dictionary(zip(documents.map(\.id), rendered)) { _, last in last }
        let entries = options.useCache ? zip(keys, rendered).map { (key: $0, body: $1) } : []
        return (bodies, rendered.flatMap(\.diagnostics), entries, keeping ? site : nil)
    }

    static func searchIndexFiles(content: ContentSet, bodies: [ItemID: RenderedBody], chunkAbove: Int) -> [OutputFile] {
        let documents = SearchDocument.documents(content: content, bodies: bodies)
        let synonyms = content.terms.map { [$0.document.title.value] + $0.aliases.map(\.value) }
        return SearchIndexWriter.files(SearchIndex(documents: documents, synonymGroups: synonyms), chunkAbove: chunkAbove)
    }

    /// Pages written, by kind: an item's own page each (a role's interview kit and the later pages of a long list are
    /// among the other pages); the home page's text (`index.md`) is the home page, one of the other pages.
    private static func pageCounts(_ paths: [String], content: ContentSet) -> [(kind: String, count: Int)] {
        let written = Set(paths)
        let counted: [(kind: String, count: Int)] = [
            ("articles", content.articles.count { $0.document.slug != "index" && written.contains($0.document.id.url) }),
            ("terms", content.terms.count { written.contains($0.document.id.url) }),
            ("roles", content.archetypes.count { written.contains($0.document.id.url) }),
            ("companies", content.companies.count { written.contains($0.document.id.url) }),
        ]
        let pages = paths.count { $0.hasSuffix(".html") }
        return counted + [(kind: "other pages", count: pages - counted.reduce(0) { $0 + $1.count })]
    }
}

/// Wall-clock and CPU time per stage, for `--verbose`: CPU over wall tells how many cores a stage kept busy.
struct StageClock {
    private(set) var stages: [(stage: String, seconds: Double, cpuSeconds: Double)] = []
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpuSeconds()

    mutating func mark(_ stage: String) {
        let now = DispatchTime.now()
        let cpu = Self.cpuSeconds()
        stages.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9, cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// User and system time of this process and of the workers it has waited for.
    static func cpuSeconds() -> Double {
        var total = 0.0
        #if canImport(Glibc)
            let whose = [RUSAGE_SELF.rawValue, RUSAGE_CHILDREN.rawValue]
        #else
            let whose = [RUSAGE_SELF, RUSAGE_CHILDREN]
        #endif
        for who in whose {
            var usage = rusage()
            getrusage(who, &usage)
            for time in [usage.ru_utime, usage.ru_stime] { total += Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        }
        return total
    }
}
