import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Each page's rendered body from the last build, kept beside the output (`.public.bodies`) under a key made of the page
/// and of everything in the site a body can read (`MarkdownSite.fingerprint`): a build after an edit renders only the
/// bodies whose key is new, and takes the others as they were. Same key, same body; a damaged file is an empty cache.
///
/// The file: `handbook-bodies 1\n`, the count, each key's two halves, then the bodies as `BodyWire` writes them.
enum BodyCache {
    static let header = Array("handbook-bodies 1\n".utf8)

    static func read(_ file: URL) -> [Digest: RenderedBody] {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else { return [:] }
        defer { close(descriptor) }
        guard let bytes = BodyWire.readAll(descriptor), bytes.count >= header.count + 8, Array(bytes.prefix(header.count)) == header
        else { return [:] }
        var offset = header.count
        func word() -> UInt64? {
            guard offset + 8 <= bytes.count else { return nil }
            defer { offset += 8 }
            return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        }
        guard let count = word().map(Int.init), count >= 0, count <= (bytes.count - offset) / 16 else { return [:] }
        var keys: [Digest] = []
        keys.reserveCapacity(count)
        for _ in 0..<count {
            guard let high = word(), let low = word() else { return [:] }
            keys.append(Digest(high: high, low: low))
        }
        guard let bodies = BodyWire.decode(bytes, from: offset), bodies.count == count else { return [:] }
        return Dictionary(zip(keys, bodies)) { first, _ in first }
    }

    /// Replaces the file whole (`CacheFile`), writing it a megabyte at a time: at 10,000 pages it is over 100 MB, which
    /// a build should not hold in memory a second time beside the bodies themselves.
    static func write(_ entries: [(key: Digest, body: RenderedBody)], to file: URL) {
        CacheFile.replace(file) { write(entries, to: $0) }
    }

    /// The same, written beside the stages that follow the Markdown stage; in place once the build commits it.
    static func writing(_ entries: [(key: Digest, body: RenderedBody)], to file: URL) -> CacheFile.Pending {
        CacheFile.Pending(file) { write(entries, to: $0) }
    }

    private static func write(_ entries: [(key: Digest, body: RenderedBody)], to descriptor: Int32) -> Bool {
        var bytes = header
        func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        word(UInt64(entries.count))
        for entry in entries {
            word(entry.key.high)
            word(entry.key.low)
        }
        guard BodyWire.writeAll(bytes, to: descriptor) else { return false }
        var writer = BodyWire.Writer()
        for entry in entries {
            writer.append(entry.body)
            if writer.bytes.count >= 1 << 20, !writer.flush(to: descriptor) { return false }
        }
        return writer.flush(to: descriptor)
    }
}
