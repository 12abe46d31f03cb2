import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One build per output folder at a time: an advisory lock on `.<name>.lock` beside the output.
///
/// `flock` locks belong to the open file, so the kernel releases this one when its holder exits or is
/// killed; a lock file left behind by a crashed build never blocks the next one. Holding the lock also
/// makes it safe to sweep the staging and retired folders that killed builds left beside the output.
final class OutputLock {
    struct Busy: Error, CustomStringConvertible {
        var description: String
    }

    /// The lock file beside `output`, e.g. `site/.public.lock` for `site/public`.
    static func lockFile(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
    }

    private(set) var descriptor: Int32

    /// Locks `output` and sweeps what dead builds left beside it: the start of every build that writes.
    static func acquire(for output: URL) throws(Busy) -> OutputLock {
        let lock = try OutputLock(output: output)
        OutputDebris.sweep(beside: output)
        return lock
    }

    /// Takes the lock without waiting; another build holding it is an error naming the output.
    init(output: URL) throws(Busy) {
        let file = Self.lockFile(for: output)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw Busy(description: "cannot create the folder of \(output.path): \(error.localizedDescription)")
        }
        // O_CLOEXEC: a process the build starts must not inherit (and so prolong) the lock.
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Busy(description: "cannot open the lock file \(file.path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            if code == EWOULDBLOCK {
                throw Busy(
                    description: "another build is writing \(output.path) (it holds \(file.path)); "
                        + "wait for it to finish, or build into another --output")
            }
            throw Busy(description: "cannot lock \(file.path): \(String(cString: strerror(code)))")
        }
        self.descriptor = descriptor
    }

    /// Unlocks, then closes; the file stays for the next build (removing it would race). Closing alone is not
    /// enough: a process forked meanwhile (another build's Markdown worker, in `serve` or the tests) shares the
    /// open file until it closes what it inherited, and the lock with it.
    func release() {
        if descriptor >= 0 {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        descriptor = -1
    }

    deinit { release() }
}
