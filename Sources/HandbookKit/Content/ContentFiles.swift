import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files under `content/` that are published as they are: images, PDFs, downloads.
///
/// Like mdBook's `src/` and Zola's colocated assets, every such file is copied, referenced or not: raw HTML,
/// templates and other sites can point at files the link checker never sees. Hidden files, `site.yml` and
/// Markdown are never published; Markdown outside the kind folders is a `stray-file` warning.
enum ContentFiles {
    /// Content-relative paths ("articles/img/chart.png"), sorted.
    static func scan(_ directory: URL, displayPrefix: String, diagnostics: inout [Diagnostic]) -> [String] {
        var scanner = Scanner(root: directory, displayPrefix: displayPrefix)
        scanner.walk("")
        diagnostics += scanner.diagnostics
        return scanner.files.sorted()
    }

    private struct Scanner {
        let root: URL
        let displayPrefix: String
        /// The content folder with symlinks resolved: a symlink is followed only to a file inside it.
        let realRoot: String
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        static let kindFolders = Set(Kind.allCases.map(\.folder))

        init(root: URL, displayPrefix: String) {
            self.root = root
            self.displayPrefix = displayPrefix
            realRoot = Self.realPath(root.path) ?? root.path
        }

        mutating func walk(_ folder: String) {
            let path = folder.isEmpty ? root.path : root.appendingPathComponent(folder).path
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            let isKindFolder = Self.kindFolders.contains(folder)
            for name in entries.sorted() where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                // Pages and the top level's Markdown are the loader's: no need to look at them again.
                if name.hasSuffix(".md") && (isKindFolder || folder.isEmpty) { continue }
                if folder.isEmpty && name == "site.yml" { continue }
                switch entryType(root.appendingPathComponent(relative).path) {
                case .folder: walk(relative)
                case .file where name.hasSuffix(".md"): diagnostics.append(stray(relative))
                case .file: files.append(relative)
                case .other: break
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

        private enum EntryType {
            case file
            case folder
            case other
        }

        /// A regular file or folder; a symlink counts only as a file inside the content folder (never a folder: no loops).
        private func entryType(_ path: String) -> EntryType {
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            case S_IFLNK:
                guard let target = Self.realPath(path), target.hasPrefix(realRoot + "/"), stat(target, &info) == 0,
                    info.st_mode & S_IFMT == S_IFREG
                else { return .other }
                return .file
            default: return .other
            }
        }

        private static func realPath(_ path: String) -> String? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }
}
