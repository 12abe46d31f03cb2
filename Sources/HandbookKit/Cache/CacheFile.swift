import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files a build keeps beside its output for the next one (`.public.cache`, `.public.bodies`, `.public.history`).
enum CacheFile {
    /// Writes `bytes` whole to a temporary file beside `file`, then renames it over `file`: a reader sees the old file
    /// or the new one, never half of one. A failure leaves the old file and only costs the next build its shortcut.
    static func replace(_ file: URL, with bytes: [UInt8]) {
        replace(file) { BodyWire.writeAll(bytes, to: $0) }
    }

    /// The same, with the file's bytes written by `write` to the descriptor it gets (in pieces, for a large file);
    /// `write` returns false on an I/O error.
    static func replace(_ file: URL, writing write: (Int32) -> Bool) {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent)-\(getpid())")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        let complete = write(descriptor)
        close(descriptor)
        if !complete || rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
    }

    /// A replacement of `file` written on a thread of its own while the build goes on: `commit()` puts it in place once
    /// the build has succeeded, `discard()` drops it (and does nothing after `commit()`).
    final class Pending: Sendable {
        private let file: URL
        private let temporary: URL
        private let written = PendingValue<Bool>()
        private let settled = Mutex(false)

        init(_ file: URL, writing write: @escaping @Sendable (Int32) -> Bool) {
            self.file = file
            temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent)-\(getpid())")
            let path = temporary.path
            Thread.detachNewThread { [written] in
                let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard descriptor >= 0 else { return written.finish(false) }
                let complete = write(descriptor)
                close(descriptor)
                written.finish(complete)
            }
        }

        func commit() {
            guard settle() else { return }
            if !written.wait() || rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
        }

        func discard() {
            guard settle() else { return }
            _ = written.wait()
            unlink(temporary.path)
        }

        /// True the first time: a replacement is committed or discarded once.
        private func settle() -> Bool {
            settled.withLock { done in
                defer { done = true }
                return !done
            }
        }
    }
}
