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
        guard let bodies = BodyWire.decode(Array(bytes[offset...])), bodies.count == count else { return [:] }
        return Dictionary(zip(keys, bodies)) { first, _ in first }
    }

    /// Replaces the file whole (`CacheFile`).
    static func write(_ entries: [(key: Digest, body: RenderedBody)], to file: URL) {
        var bytes = header
        func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        word(UInt64(entries.count))
        for entry in entries {
            word(entry.key.high)
            word(entry.key.low)
        }
        var writer = BodyWire.Writer()
        for entry in entries { writer.append(entry.body) }
        bytes += writer.bytes
        CacheFile.replace(file, with: bytes)
    }
}
