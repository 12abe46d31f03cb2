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
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent)-\(getpid())")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        let complete = BodyWire.writeAll(bytes, to: descriptor)
        close(descriptor)
        if !complete || rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
    }
}
