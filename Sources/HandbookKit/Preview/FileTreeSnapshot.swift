import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Modification times and sizes of every file under some folders: two snapshots differ when a file was
/// added, removed, renamed or saved. Hidden files and editor backups (`.x.swp`, `x~`) are left out, except a
/// folder's order file (`.pages`), which the build reads.
struct FileTreeSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    private(set) var files: [String: Stamp] = [:]

    /// Walks each root with POSIX calls: a 12,000-file tree takes milliseconds, so polling stays cheap. A root that is
    /// a file is stamped as it is.
    static func take(_ roots: [URL]) -> FileTreeSnapshot {
        var snapshot = FileTreeSnapshot()
        for root in roots {
            var info = stat()
            guard stat(root.path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR { snapshot.walk(root.path) } else { snapshot.stamp(root.path, info) }
        }
        return snapshot
    }

    /// Paths that were added, removed or changed since `old`, sorted.
    func changes(since old: FileTreeSnapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in files where old.files[path] != stamp { changed.append(path) }
        for path in old.files.keys where files[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Stamps `paths` again (a file watcher named them, `roots` being the snapshot's) and returns those added, removed or
    /// changed, sorted, as `changes(since:)` would after a walk; nil when one is a folder (then walk).
    mutating func restamp(_ paths: Set<String>, roots: [URL]) -> [String]? {
        var changed: [String] = []
        for path in paths.sorted() {
            // Hidden files and editor backups are left out, as the walk leaves them out.
            guard let root = roots.first(where: { path.hasPrefix($0.path + "/") }) else { return nil }
            let relative = path.dropFirst(root.path.count + 1)
            let names = relative.split(separator: "/")
            if names.dropLast().contains(where: { $0.hasPrefix(".") }) || Self.isLeftOut(String(names.last ?? "")) { continue }
            var info = stat()
            if stat(path, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFDIR { return nil }
                let old = files[path]
                stamp(path, info)
                if files[path] != old { changed.append(path) }
            } else if files.removeValue(forKey: path) != nil {
                changed.append(path)
            }
        }
        return changed
    }

    private mutating func walk(_ folder: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if Self.isLeftOut(name) { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR { walk(path) } else { stamp(path, info) }
        }
    }

    /// A hidden file or folder or an editor's backup, which no build reads.
    private static func isLeftOut(_ name: String) -> Bool {
        (name.hasPrefix(".") && name != SectionOrder.fileName) || name.hasSuffix("~")
    }

    private mutating func stamp(_ path: String, _ info: stat) {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        files[path] = Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int(info.st_size))
    }
}
