import Foundation

/// The files under `content/`, found in one walk: the pages (every Markdown file outside the record folders, at
/// any depth) and the files published as they are (images, PDFs, downloads).
///
/// Like mdBook's `src/` and Zola's colocated assets, every other file is copied, referenced or not: raw HTML,
/// templates and other sites can point at files the link checker never sees. Hidden files and `site.yml` are
/// never published (a folder's `.pages` gives its order: `SectionOrder`); Markdown in a record folder's subfolder
/// is a `stray-file` warning (records are the folder's own files). Symbolic links follow the content folder's rules
/// (`ContentEntries`).
struct ContentTree {
    /// Content-relative paths of the pages' Markdown files ("people/hiring/hm_intro_call.md"), sorted.
    var pages: [String] = []
    /// Content-relative paths of the files published as they are ("articles/img/chart.png"), sorted.
    var files: [String] = []
    /// Content-relative paths of the folders' order files ("People_Ops/.pages", `SectionOrder`), sorted.
    var orderFiles: [String] = []

    /// The folders of records (terms, roles, companies): their own `.md` files are read by the loader, by kind.
    static let recordFolders = Set(Kind.allCases.filter { $0 != .article }.map(\.folder))

    static func scan(_ directory: URL, displayPrefix: String, entries: ContentEntries, diagnostics: inout [Diagnostic]) -> ContentTree {
        var scanner = Scanner(root: directory, displayPrefix: displayPrefix, entries: entries)
        scanner.walk("")
        diagnostics += scanner.diagnostics
        return ContentTree(pages: scanner.pages.sorted(), files: scanner.files.sorted(), orderFiles: scanner.orderFiles.sorted())
    }

    private struct Scanner {
        let root: String
        let displayPrefix: String
        let entries: ContentEntries
        var pages: [String] = []
        var files: [String] = []
        var orderFiles: [String] = []
        var diagnostics: [Diagnostic] = []
        /// Folders walked, by real path: a link back to a parent folder is walked once, not forever.
        var walked: Set<String> = []

        init(root: URL, displayPrefix: String, entries: ContentEntries) {
            self.root = root.path
            self.displayPrefix = displayPrefix
            self.entries = entries
        }

        mutating func walk(_ folder: String) {
            let path = folder.isEmpty ? root : "\(root)/\(folder)"
            guard walked.insert(ContentEntries.resolved(path) ?? path).inserted,
                let names = try? FileManager.default.contentsOfDirectory(atPath: path)
            else { return }
            let top = String(folder.prefix { $0 != "/" })
            let inRecordFolder = ContentTree.recordFolders.contains(top)
            // A folder of pages may say its order; records are listed by the kind's own pages.
            if !inRecordFolder, names.contains(SectionOrder.fileName) {
                orderFiles.append(folder.isEmpty ? SectionOrder.fileName : "\(folder)/\(SectionOrder.fileName)")
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                // Records and site.yml are the loader's.
                if name.hasSuffix(".md") && inRecordFolder && folder == top { continue }
                if folder.isEmpty && name == "site.yml" { continue }
                let display = "\(displayPrefix)/\(relative)"
                switch entries.inspect(atPath: "\(root)/\(relative)", display: display) {
                case .success(.folder) where name.hasSuffix(".md") && !inRecordFolder:
                    diagnostics.append(
                        .error("not-a-file", at: SourceLocation(path: display), "this is a folder; content files must be regular files"))
                case .success(.special(let what)) where name.hasSuffix(".md") && !inRecordFolder:
                    diagnostics.append(
                        .error(
                            "not-a-file", at: SourceLocation(path: display),
                            "this is \(what), not a regular file; only regular files are read"))
                case .success(.folder): walk(relative)
                case .success(.file) where name.hasSuffix(".md") && inRecordFolder: diagnostics.append(stray(relative, in: top))
                case .success(.file) where name.hasSuffix(".md"): pages.append(relative)
                case .success(.file): files.append(relative)
                case .success(.special(let what)):
                    diagnostics.append(
                        .warning(
                            "not-a-file", at: SourceLocation(path: display), "this is \(what), not a regular file; it is not published"))
                case .failure(let problem): diagnostics.append(problem)
                }
            }
        }

        private func stray(_ relative: String, in folder: String) -> Diagnostic {
            .warning(
                "stray-file", at: SourceLocation(path: "\(displayPrefix)/\(relative)"),
                "ignored: the records of '\(folder)/' are the folder's own files, not its subfolders'; move it up into '\(folder)/', "
                    + "or out of '\(folder)/' to make it a page")
        }
    }
}
