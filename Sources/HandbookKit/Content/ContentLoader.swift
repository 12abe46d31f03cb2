import Foundation

/// Finds, reads and decodes every file under `content/`.
enum ContentLoader {
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`
    static func isValidSlug(_ slug: String) -> Bool {
        var previousWasHyphen = true
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen: previousWasHyphen = true
            default: return false
            }
        }
        return !previousWasHyphen
    }

    /// A failure that stops the build before any content is read (exit code 2).
    struct ConfigurationError: Error, CustomStringConvertible {
        var description: String
    }

    /// Loads `directory`; content problems become diagnostics, a missing folder or `site.yml` throws.
    /// Symbolic links must resolve inside `directory` unless `followSymlinks`.
    static func load(
        from directory: URL, displayPrefix: String, includeDrafts: Bool, followSymlinks: Bool = false,
        progress: ProgressReporter = ProgressReporter(callback: nil), diagnostics: inout [Diagnostic]
    ) throws -> ContentSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(description: "content folder '\(displayPrefix)' does not exist")
        }
        let siteURL = directory.appendingPathComponent("site.yml")
        guard ContentEntries.exists(siteURL) else {
            throw ConfigurationError(description: "\(displayPrefix)/site.yml is missing; it sets the handbook's title")
        }
        let entries = ContentEntries(root: directory, followSymlinks: followSymlinks)
        var siteDiagnostics: [Diagnostic] = []
        var site: SiteConfig?
        if isReadableFile(siteURL, path: "\(displayPrefix)/site.yml", entries: entries, diagnostics: &siteDiagnostics) {
            site = readSource(siteURL, path: "\(displayPrefix)/site.yml", diagnostics: &siteDiagnostics)
                .flatMap { RecordDecoder.site($0, diagnostics: &siteDiagnostics) }
        }
        diagnostics += siteDiagnostics

        let tree = ContentTree.scan(directory, displayPrefix: displayPrefix, entries: entries, diagnostics: &diagnostics)
        let jobs =
            try discoverRecords(in: directory, displayPrefix: displayPrefix, entries: entries, diagnostics: &diagnostics)
            + pageJobs(tree.pages, in: directory, displayPrefix: displayPrefix, diagnostics: &diagnostics)
        let decoded = jobs.parallelMap(counting: progress.stage("Loading content", total: jobs.count)) {
            job -> (RecordDecoder.Record?, [Diagnostic]) in
            var local: [Diagnostic] = []
            guard let file = readSource(atPath: job.file, path: job.path, diagnostics: &local) else { return (nil, local) }
            return (RecordDecoder.record(job.id, source: job.source, file: file, diagnostics: &local), local)
        }
        let orders = sectionOrders(tree, in: directory, displayPrefix: displayPrefix, entries: entries, diagnostics: &diagnostics)
        var articles: [Article] = []
        var drafts: [String] = []
        var terms: [Term] = []
        var archetypes: [Archetype] = []
        var companies: [Company] = []
        for (record, local) in decoded {
            diagnostics += local
            switch record {
            case .article(let article) where includeDrafts || !article.draft: articles.append(article)
            case .term(let term): terms.append(term)
            case .archetype(let archetype): archetypes.append(archetype)
            case .company(let company): companies.append(company)
            case .article(let article): drafts.append(article.document.source)
            case nil: break
            }
        }
        let config = site ?? SiteConfig(title: "Handbook", tagline: "", description: "", language: "en", baseURL: nil, unsafeHTML: false)
        return ContentSet(
            site: config, articles: articles, terms: terms, archetypes: archetypes, companies: companies, files: tree.files,
            leftOutDrafts: drafts, sectionOrders: orders)
    }

    /// The folders' `.pages` files, each read against the pages and subfolders of pages its folder holds.
    private static func sectionOrders(
        _ tree: ContentTree, in directory: URL, displayPrefix: String, entries: ContentEntries, diagnostics: inout [Diagnostic]
    ) -> [SectionOrder] {
        guard !tree.orderFiles.isEmpty else { return [] }
        var children: [String: Set<String>] = [:]
        for page in tree.pages {
            var path = page
            while !path.isEmpty {
                let folder = PagePath.folder(of: path)
                guard children[folder, default: []].insert(PagePath.name(of: path)).inserted || path == page else { break }
                path = folder
            }
        }
        return tree.orderFiles.compactMap { source in
            let path = "\(displayPrefix)/\(source)"
            let url = directory.appendingPathComponent(source)
            guard isReadableFile(url, path: path, entries: entries, diagnostics: &diagnostics),
                let file = readSource(url, path: path, diagnostics: &diagnostics)
            else { return nil }
            let folder = PagePath.folder(of: source)
            return SectionOrder.decode(file, folder: folder, children: children[folder] ?? [], diagnostics: &diagnostics)
        }
    }

    private struct Job: Sendable {
        var id: ItemID
        /// The file's absolute path (a string: 10,000 `URL`s cost more than reading the files' names).
        var file: String
        /// As printed: `content/terms/django.md`.
        var path: String
        /// Under the content folder: `terms/django.md`.
        var source: String
    }

    /// Every page's job, its key made from its path (`PagePath`). Two files that publish at the same URL
    /// (`Hiring.md` and `hiring.md`, `index.md` and `README.md`) are an error naming both.
    private static func pageJobs(
        _ sources: [String], in directory: URL, displayPrefix: String, diagnostics: inout [Diagnostic]
    ) -> [Job] {
        var jobs: [Job] = []
        var owners: [String: String] = [:]
        var sectionKeys = PagePath.SectionKeys()
        for source in sources {
            let key = sectionKeys.key(forSource: source)
            if let first = owners[key] {
                diagnostics.append(
                    .error(
                        "page-clash", at: SourceLocation(path: "\(displayPrefix)/\(source)"),
                        "this file and '\(displayPrefix)/\(first)' would both be published as '\(key).html'; rename or merge one of them"))
                continue
            }
            owners[key] = source
            jobs.append(
                Job(
                    id: ItemID(.article, key), file: directory.path + "/" + source, path: "\(displayPrefix)/\(source)",
                    source: source))
        }
        return jobs
    }

    /// Lists the `.md` files of each record folder (terms, roles, companies), checking slugs.
    private static func discoverRecords(
        in directory: URL, displayPrefix: String, entries: ContentEntries, diagnostics: inout [Diagnostic]
    ) throws -> [Job] {
        let manager = FileManager.default
        var jobs: [Job] = []
        for kind in Kind.allCases where kind != .article {
            let entry = kind.folder
            let entryURL = directory.appendingPathComponent(entry)
            guard ContentEntries.exists(entryURL) else { continue }
            // A kind's folder may be a link, as long as it stays inside the content folder.
            if case .failure(let problem) = entries.inspect(entryURL, display: "\(displayPrefix)/\(entry)") {
                diagnostics.append(problem)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: entryURL.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let names = try manager.contentsOfDirectory(atPath: entryURL.path).sorted()
            let present = Set(names)
            for name in names where name.hasSuffix(".md") && !name.hasPrefix(".") {
                let slug = String(name.dropLast(3))
                let path = "\(displayPrefix)/\(entry)/\(name)"
                guard isValidSlug(slug) else {
                    let suggestion = suggestedSlug(slug)
                    // "Django.md" beside "django.md": renaming as suggested would collide (or overwrite).
                    let advice =
                        suggestion.isEmpty
                        ? ""
                        : present.contains("\(suggestion).md")
                            ? "; '\(suggestion).md' already exists: merge the two files or choose another name"
                            : "; rename it to '\(suggestion).md'"
                    diagnostics.append(
                        .error(
                            "bad-slug", at: SourceLocation(path: path),
                            "file name '\(slug)' is not a valid slug (lowercase letters, digits and single hyphens)\(advice)"))
                    continue
                }
                let url = entryURL.appendingPathComponent(name)
                guard isReadableFile(url, path: path, entries: entries, diagnostics: &diagnostics) else { continue }
                jobs.append(Job(id: ItemID(kind, slug), file: url.path, path: path, source: "\(entry)/\(name)"))
            }
        }
        return jobs
    }

    /// Whether `url` is a regular file inside the content folder (or a link allowed to one); if not, says why.
    private static func isReadableFile(
        _ url: URL, path: String, entries: ContentEntries, diagnostics: inout [Diagnostic]
    ) -> Bool {
        switch entries.inspect(url, display: path) {
        case .success(.file):
            return true
        case .success(.folder):
            diagnostics.append(
                .error("not-a-file", at: SourceLocation(path: path), "this is a folder; content files must be regular files"))
        case .success(.special(let what)):
            diagnostics.append(
                .error("not-a-file", at: SourceLocation(path: path), "this is \(what), not a regular file; only regular files are read"))
        case .failure(let problem):
            diagnostics.append(problem)
        }
        return false
    }

    /// "Data_Engineer " -> "data-engineer".
    static func suggestedSlug(_ text: String) -> String { Slug.make(from: text) }

    /// One file decoded again, as `load` decodes it (`serve`'s rebuild after an edit); nil when it is not a regular
    /// file or cannot be read.
    static func reload(
        _ source: String, id: ItemID, in directory: URL, displayPrefix: String, diagnostics: inout [Diagnostic]
    ) -> RecordDecoder.Record? {
        let url = directory.appendingPathComponent(source)
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            let file = readSource(url, path: "\(displayPrefix)/\(source)", diagnostics: &diagnostics)
        else { return nil }
        return RecordDecoder.record(id, source: source, file: file, diagnostics: &diagnostics)
    }

    private static func readSource(_ url: URL, path: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        readSource(atPath: url.path, path: path, diagnostics: &diagnostics)
    }

    private static func readSource(atPath file: String, path: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        do {
            return SourceFile(path: path, text: try FileReader.read(atPath: file))
        } catch {
            switch error {
            case .invalidUTF8(let line, let column):
                diagnostics.append(
                    .error(
                        "invalid-utf8", at: SourceLocation(path: path, line: line, column: column),
                        "the file is not valid UTF-8; save it as UTF-8"))
            case .unreadable(let reason):
                diagnostics.append(.error("unreadable", at: SourceLocation(path: path), "the file cannot be read: \(reason)"))
            }
            return nil
        }
    }
}
