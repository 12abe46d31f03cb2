import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One digest of everything a build reads: every file under the content and templates folders (path and
/// bytes), the options, and the binary doing the build. Equal fingerprints, equal output.
enum InputFingerprint {
    /// Bumped whenever the cache's meaning changes, so an old cache is never trusted.
    static let formatVersion = 1

    /// The digest of all inputs, and each file's digest with the stamp it had when it was read.
    struct Result: Sendable {
        var digest: Digest
        var files: [String: CacheManifest.Entry]
    }

    /// Nil when the inputs cannot be fingerprinted safely (a symbolic link, an unreadable file): build in full.
    /// A file whose stamp (size, time, inode) is the one `known` recorded keeps its recorded digest unread,
    /// as git's index does; a file changed less than two seconds before it was read is always read again.
    /// `git` is the content's repository: its `HEAD` dates the pages.
    static func take(_ options: BuildOptions, git: GitRepository? = nil, known: [String: CacheManifest.Entry] = [:]) -> Result? {
        files(options).flatMap { digest($0, options: options, git: git, known: known) }
    }

    /// The input files and their stamps as they are now, before any stage reads them (a walk of the folders, no file
    /// read); nil when they cannot be fingerprinted safely.
    static func files(_ options: BuildOptions) -> Files? {
        var files: [(path: String, url: URL, stamp: FileStamp)] = []
        for (label, root) in [("content", options.content), ("templates", options.templates)] {
            guard collect(root, prefix: label, into: &files) else { return nil }
        }
        files.sort { $0.path < $1.path }
        return Files(list: files, taken: Date().timeIntervalSince1970)
    }

    /// The files of `files()`, with when they were listed.
    struct Files: Sendable {
        var list: [(path: String, url: URL, stamp: FileStamp)]
        var taken: Double
    }

    /// The fingerprint of `files`, which may be taken while the stages read them: each file read is checked against
    /// the stamp it had when listed, and one changed since is recorded with a digest no bytes have, so the next build
    /// reads it again and builds. What is recorded is never newer than what the build read.
    static func digest(_ files: Files, options: BuildOptions, git: GitRepository? = nil, known: [String: CacheManifest.Entry] = [:])
        -> Result?
    {
        let entries = files.list.parallelMap { file -> CacheManifest.Entry? in
            if let entry = known[file.path], entry.stamp == file.stamp { return entry }
            guard let data = FileManager.default.contents(atPath: file.url.path) else { return nil }
            var stamp = file.stamp
            if (Double(file.stamp.modified) ?? files.taken) > files.taken - 2 { stamp.modified = "recent" }
            let digest = FileStamp(path: file.url.path) == file.stamp ? data.withUnsafeBytes { Digest($0) } : Digest(high: 0, low: 0)
            return CacheManifest.Entry(digest: digest, stamp: stamp)
        }
        var summary = settings(options) + (git?.cacheKey ?? "no git") + "\n"
        var recorded: [String: CacheManifest.Entry] = [:]
        for (file, entry) in zip(files.list, entries) {
            guard let entry else { return nil }
            summary += "\(file.path)\t\(entry.digest.hex)\n"
            recorded[file.path] = entry
        }
        return Result(digest: Digest(summary), files: recorded)
    }

    /// Everything besides the files that changes the output or the report.
    /// Every option is read by reflection, so a new one is part of the key without anyone remembering to add it:
    /// leaving out an option that matters would give wrong builds, keeping one that does not only misses the cache.
    static func settings(_ options: BuildOptions) -> String {
        var lines = ["handbook-cache \(formatVersion)", binaryStamp()]
        for child in Mirror(reflecting: options).children {
            guard let label = child.label else { continue }
            switch label {
            // How the build runs and reports, not what it writes.
            case "progress", "useCache", "writeOutput": continue
            // The day decides which pages are stale-content: a cache from yesterday may miss a warning due today.
            case "now": lines.append("today=\(CalendarDate(options.now).iso)")
            // A folder's URL gains a trailing slash once the folder exists: its path does not.
            case _ where child.value is URL: lines.append("\(label)=\((child.value as? URL)?.path ?? "")")
            default: lines.append("\(label)=\(child.value)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The running executable's path, size, modification time and inode: a rebuilt binary never trusts an old cache.
    static func binaryStamp() -> String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        var info = stat()
        guard stat(path, &info) == 0 else { return "binary unknown \(UUID().uuidString)" }
        return "binary \(path) \(info.st_size) \(FileStamp.modified(info)) \(info.st_ino)"
    }

    /// Regular files under `folder`; false when a symbolic link or something unreadable makes the walk unsafe.
    private static func collect(_ folder: URL, prefix: String, into files: inout [(path: String, url: URL, stamp: FileStamp)]) -> Bool {
        guard let directory = opendir(folder.path) else { return false }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names {
            let url = folder.appendingPathComponent(name)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { return false }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: guard collect(url, prefix: "\(prefix)/\(name)", into: &files) else { return false }
            case S_IFREG:
                let stamp = FileStamp(size: Int(info.st_size), modified: FileStamp.modified(info), inode: UInt64(info.st_ino))
                files.append(("\(prefix)/\(name)", url, stamp))
            default: return false
            }
        }
        return true
    }
}

/// Size, modification time and inode of a file on disk: what shows a written file was left alone since.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var modified: String
    var inode: UInt64

    init(size: Int, modified: String, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(size: Int(info.st_size), modified: Self.modified(info), inode: UInt64(info.st_ino))
    }

    static func modified(_ info: stat) -> String {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        let nanoseconds = String(time.tv_nsec)
        return "\(time.tv_sec)." + String(repeating: "0", count: max(0, 9 - nanoseconds.count)) + nanoseconds
    }
}
