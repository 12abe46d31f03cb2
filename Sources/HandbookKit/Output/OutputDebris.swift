import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The staging and retired folders a build makes beside its output, and the sweep of those left by
/// builds that were killed before they could remove them (hundreds of megabytes each on a large site).
enum OutputDebris {
    /// `.<name>.staging-<pid>`: where a build writes the new site.
    static func staging(for output: URL, pid: Int32 = getpid()) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging-\(pid)")
    }

    /// `.<name>.old-<pid>`: where the previous site waits while the new one takes its name.
    static func retired(for output: URL, pid: Int32 = getpid()) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(pid)")
    }

    /// The process id in `entry` when it is one of our folders for the output named `name`.
    static func ownerPID(of entry: String, output name: String) -> Int32? {
        for prefix in [".\(name).staging-", ".\(name).old-"] where entry.hasPrefix(prefix) {
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let pid = Int32(digits), pid > 0
            else { return nil }
            return pid
        }
        return nil
    }

    /// Whether no process with this id runs any more (a process we may not signal still runs).
    static func isDead(_ pid: Int32) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the folders beside `output` that dead builds left; returns their names.
    /// Call it holding the output's `OutputLock`, so no live build of ours is using them.
    @discardableResult
    static func sweep(beside output: URL) -> [String] {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var removed: [String] = []
        for entry in entries.sorted() {
            guard let pid = ownerPID(of: entry, output: name), pid != getpid(), isDead(pid) else { continue }
            let url = parent.appendingPathComponent(entry)
            // Only real folders: a symlink with our name is not ours to follow.
            var info = stat()
            guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(entry) }
        }
        return removed
    }
}
