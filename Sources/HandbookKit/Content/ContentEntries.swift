import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the entries of the content folder are, decided before anything is read.
///
/// Content stays inside the content folder: a symbolic link that resolves outside it is an error unless
/// the build follows symlinks (`--follow-symlinks`); a link loop or a broken link is always an error.
/// Only regular files are read, so a FIFO or a device in `content/` never blocks the build.
struct ContentEntries: Sendable {
    enum Entry: Equatable {
        case file
        case folder
        /// A FIFO, socket or device, named for the message ("a FIFO (named pipe)").
        case special(String)
    }

    /// The content folder with every symlink in its path resolved.
    let root: String
    let followSymlinks: Bool

    init(root: URL, followSymlinks: Bool) {
        self.root = Self.resolved(root.path) ?? root.standardizedFileURL.path
        self.followSymlinks = followSymlinks
    }

    /// Whether anything, even a broken link, has this name.
    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// What `url` is once its links are followed; a link that leaves the folder, loops or leads nowhere
    /// is a diagnostic at `display`, the path as printed.
    func inspect(_ url: URL, display: String) -> Result<Entry, Diagnostic> { inspect(atPath: url.path, display: display) }

    /// `inspect(_:display:)` for a path: the content walk asks this of every file, without making a URL for each.
    func inspect(atPath path: String, display: String) -> Result<Entry, Diagnostic> {
        let here = SourceLocation(path: display)
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return .failure(.error("unreadable", at: here, "cannot be read: \(String(cString: strerror(errno)))"))
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let target = Self.resolved(path) else {
                let code = errno
                let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                if code == ELOOP {
                    return .failure(
                        .error(
                            "symlink-loop", at: here,
                            "symbolic link loop: '\(link)' leads back to itself; replace the link with the file it should name"))
                }
                if code == ENOENT || code == ENOTDIR {
                    return .failure(.error("broken-symlink", at: here, "symbolic link to '\(link)', which does not exist"))
                }
                return .failure(.error("unreadable", at: here, "cannot follow the symbolic link: \(String(cString: strerror(code)))"))
            }
            if !followSymlinks && !isInside(target) {
                return .failure(
                    .error(
                        "symlink-outside-content", at: here,
                        "symbolic link to '\(target)', outside the content folder; copy the file into the content folder, "
                            + "or build with --follow-symlinks"))
            }
            guard stat(target, &info) == 0 else {
                return .failure(.error("unreadable", at: here, "cannot be read: \(String(cString: strerror(errno)))"))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(.file)
        case S_IFDIR: return .success(.folder)
        case S_IFIFO: return .success(.special("a FIFO (named pipe)"))
        case S_IFSOCK: return .success(.special("a socket"))
        default: return .success(.special("a device"))
        }
    }

    private func isInside(_ path: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    /// `realpath(3)`: every link resolved, or nil with `errno` set.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
