import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Tells `serve` the moment something under its folders changes, so that it need not walk a large tree every few
/// hundred milliseconds to find out (30 ms a walk at 12,000 files). On Linux it is inotify, with a watch on every
/// folder (folders made later included); elsewhere, or when inotify cannot be had (no watches left), `start` returns
/// nil and `serve` polls as before. It also names the files the events were about (`takeChanges`), so that a save
/// is found without walking the tree; when it cannot be sure of them (a folder moved, the kernel's queue overflowed,
/// an event outside the watched trees) it says so, and `serve` compares whole snapshots (`FileTreeSnapshot`).
final class FileWatcher: Sendable {
    /// Counts the batches of events read so far.
    private let events = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    /// The files events named since `takeChanges`, and whether they are all that changed.
    private let pending = Mutex<(paths: Set<String>, complete: Bool)>(([], true))

    #if canImport(Glibc)
        private let descriptor: Int32
        /// Watched folders by watch descriptor, to watch the folders made inside them; `tree`: inside a watched tree
        /// (not the folder of a watched file, Git's `HEAD`).
        private let folders = Mutex<[Int32: (path: String, tree: Bool)]>([:])

        static func start(_ roots: [URL]) -> FileWatcher? {
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            let watcher = FileWatcher(descriptor: descriptor)
            for root in roots {
                var info = stat()
                guard stat(root.path, &info) == 0 else { continue }
                // A file root (Git's HEAD) is watched through its folder.
                let folder = (info.st_mode & S_IFMT) == S_IFDIR ? root.path : root.deletingLastPathComponent().path
                guard watcher.watch(folder, recursive: (info.st_mode & S_IFMT) == S_IFDIR) else {
                    close(descriptor)
                    return nil
                }
            }
            let thread = Thread { watcher.read() }
            thread.name = "handbook-file-watcher"
            thread.start()
            return watcher
        }

        private init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF)

        /// Watches `folder` and, when `recursive`, every folder under it; false when the system has no watches left.
        private func watch(_ folder: String, recursive: Bool) -> Bool {
            let wd = inotify_add_watch(descriptor, folder, Self.mask)
            guard wd >= 0 else { return errno != ENOSPC }
            folders.withLock { $0[wd] = (folder, recursive) }
            guard recursive, let directory = opendir(folder) else { return true }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != "..", entry.pointee.d_type == UInt8(DT_DIR) else { continue }
                if !watch(folder + "/" + name, recursive: true) { return false }
            }
            return true
        }

        /// Reads events until `stop`, waking every 200 ms to check for it.
        private func read() {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while !stopping.load(ordering: .relaxed) {
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, 200) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let name = String(decoding: buffer[nameStart..<nameStart + length].prefix { $0 != 0 }, as: UTF8.self)
                    let folder = folders.withLock { $0[wd] }
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, mask & UInt32(IN_ISDIR) != 0, let folder {
                        _ = watch(folder.path + "/" + name, recursive: true)
                    }
                    pending.withLock { pending in
                        if let folder, folder.tree, !name.isEmpty, mask & UInt32(IN_ISDIR | IN_Q_OVERFLOW) == 0 {
                            pending.paths.insert(folder.path + "/" + name)
                        } else if mask & UInt32(IN_IGNORED) == 0 {
                            pending.complete = false
                        }
                    }
                    offset = nameStart + length
                }
                events.add(1, ordering: .releasing)
            }
            close(descriptor)
        }
    #else
        static func start(_ roots: [URL]) -> FileWatcher? { nil }
    #endif

    /// The number of event batches so far: it grows when something changed.
    var count: Int { events.load(ordering: .acquiring) }

    /// The files named by events since the last call, by absolute path; nil when they may not be all that changed.
    func takeChanges() -> Set<String>? {
        pending.withLock { pending in
            defer { pending = ([], true) }
            return pending.complete ? pending.paths : nil
        }
    }

    func stop() { stopping.store(true, ordering: .relaxed) }
}
