import Foundation

/// The files under `content/` that are published as they are: images, PDFs, downloads.
///
/// Like mdBook's `src/` and Zola's colocated assets, every such file is copied, referenced or not: raw HTML,
/// templates and other sites can point at files the link checker never sees. Hidden files, `site.yml` and
/// Markdown are never published; Markdown outside the kind folders is a `stray-file` warning. Symbolic links
/// follow the content folder's rules (`ContentEntries`).
enum ContentFiles {
    /// Content-relative paths ("articles/img/chart.png"), sorted.
    static func scan(_ directory: URL, displayPrefix: String, entries: ContentEntries, diagnostics: inout [Diagnostic]) -> [String] {
        var scanner = Scanner(root: directory, displayPrefix: displayPrefix, entries: entries)
        scanner.walk("")
        diagnostics += scanner.diagnostics
        return scanner.files.sorted()
    }

    private struct Scanner {
        let root: URL
        let displayPrefix: String
        let entries: ContentEntries
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        /// Folders walked, by real path: a link back to a parent folder is walked once, not forever.
        var walked: Set<String> = []
        static let kindFolders = Set(Kind.allCases.map(\.folder))

        init(root: URL, displayPrefix: String, entries: ContentEntries) {
            self.root = root
            self.displayPrefix = displayPrefix
            self.entries = entries
        }

        mutating func walk(_ folder: String) {
            let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
            guard walked.insert(url.resolvingSymlinksInPath().path).inserted,
                let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
            else { return }
            let isKindFolder = Self.kindFolders.contains(folder)
            for name in names.sorted() where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                // Pages, the top level's Markdown and site.yml are the loader's.
                if name.hasSuffix(".md") && (isKindFolder || folder.isEmpty) { continue }
                if folder.isEmpty && name == "site.yml" { continue }
                let display = "\(displayPrefix)/\(relative)"
                switch entries.inspect(root.appendingPathComponent(relative), display: display) {
                case .success(.folder): walk(relative)
                case .success(.file) where name.hasSuffix(".md"): diagnostics.append(stray(relative))
                case .success(.file): files.append(relative)
                case .success(.special(let what)):
                    diagnostics.append(
                        .warning(
                            "not-a-file", at: SourceLocation(path: display), "this is \(what), not a regular file; it is not published"))
                case .failure(let problem): diagnostics.append(problem)
                }
            }
        }

        private func stray(_ relative: String) -> Diagnostic {
            let folders = Kind.allCases.map(\.folder)
            let top = String(relative.prefix { $0 != "/" })
            let hint = Self.kindFolders.contains(top) ? "" : Suggestion.suffix(for: top, in: folders)
            return .warning(
                "stray-file", at: SourceLocation(path: "\(displayPrefix)/\(relative)"),
                "ignored: content goes in one of the folders \(folders.joined(separator: ", "))\(hint)")
        }
    }
}
