import Foundation

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
}
