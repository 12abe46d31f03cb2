import Foundation

/// What the cache remembers of the last build that wrote the output: the fingerprint of its inputs, its
/// report, and each file it wrote (digest of the bytes and the stamp it had on disk right after).
struct CacheManifest: Sendable {
    struct Entry: Sendable {
        var digest: Digest
        var stamp: FileStamp
    }

    var inputs: Digest
    var diagnostics: [Diagnostic]
    var pageCounts: [(kind: String, count: Int)]
    var outputs: [String: Entry]
    /// Every file the build read, with the stamp it had then: unchanged stamps skip reading next time.
    var inputFiles: [String: Entry] = [:]

    /// A tab-separated text file: quick to read at 20,000 lines, and a damaged one fails to parse.
    func encoded() -> String {
        var lines = ["handbook-cache \(InputFingerprint.formatVersion)", "inputs\t\(inputs.hex)"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for diagnostic in diagnostics {
            let record = Record(diagnostic)
            if let data = try? encoder.encode(record) { lines.append("diagnostic\t" + String(decoding: data, as: UTF8.self)) }
        }
        for count in pageCounts { lines.append("count\t\(count.count)\t\(count.kind)") }
        for (kind, entries) in [("input", inputFiles), ("output", outputs)] {
            for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
                let stamp = entry.stamp
                lines.append("\(kind)\t\(entry.digest.hex)\t\(stamp.size)\t\(stamp.modified)\t\(stamp.inode)\t\(path)")
            }
        }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Nil for anything but a complete manifest of this format version. Works on bytes: splitting a
    /// 20,000-line String by Character costs more than everything else the up-to-date check does.
    static func decode(_ data: Data) -> CacheManifest? {
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        guard lines.count >= 3, text(lines[0]) == "handbook-cache \(InputFingerprint.formatVersion)", text(lines[lines.count - 2]) == "end",
            lines[1].starts(with: Array("inputs\t".utf8)), let inputs = Digest(hex: lines[1].dropFirst("inputs\t".utf8.count))
        else { return nil }
        var manifest = CacheManifest(inputs: inputs, diagnostics: [], pageCounts: [], outputs: [:])
        let decoder = JSONDecoder()
        for line in lines[2..<(lines.count - 2)] {
            let fields = line.split(separator: 9, maxSplits: 5, omittingEmptySubsequences: false)
            switch fields.first.map(text) {
            case "diagnostic":
                guard fields.count == 2, let record = try? decoder.decode(Record.self, from: Data(fields[1])),
                    let diagnostic = record.diagnostic
                else { return nil }
                manifest.diagnostics.append(diagnostic)
            case "count":
                guard fields.count == 3, let count = Int(text(fields[1])) else { return nil }
                manifest.pageCounts.append((text(fields[2]), count))
            case "input":
                guard let (path, entry) = entry(fields) else { return nil }
                manifest.inputFiles[path] = entry
            case "output":
                guard let (path, entry) = entry(fields) else { return nil }
                manifest.outputs[path] = entry
            default:
                return nil
            }
        }
        return manifest
    }

    /// `kind digest size modified inode path`.
    private static func entry(_ fields: [ArraySlice<UInt8>]) -> (String, Entry)? {
        guard fields.count == 6, let digest = Digest(hex: fields[1]), let size = Int(String(decoding: fields[2], as: UTF8.self)),
            let inode = UInt64(String(decoding: fields[4], as: UTF8.self))
        else { return nil }
        let stamp = FileStamp(size: size, modified: String(decoding: fields[3], as: UTF8.self), inode: inode)
        return (String(decoding: fields[5], as: UTF8.self), Entry(digest: digest, stamp: stamp))
    }

    /// A diagnostic as JSON, field by field.
    private struct Record: Codable {
        var severity: String
        var id: String
        var path: String
        var line: Int
        var column: Int
        var message: String

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            id = diagnostic.id
            path = diagnostic.location.path
            line = diagnostic.location.line
            column = diagnostic.location.column
            message = diagnostic.message
        }

        var diagnostic: Diagnostic? {
            Severity(rawValue: severity).map {
                Diagnostic($0, id, at: SourceLocation(path: path, line: line, column: column), message)
            }
        }
    }
}
