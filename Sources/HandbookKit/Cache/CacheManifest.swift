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

    /// Nil for anything but a complete manifest of this format version.
    static func decode(_ text: String) -> CacheManifest? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == "handbook-cache \(InputFingerprint.formatVersion)", lines[lines.count - 2] == "end",
            lines[1].hasPrefix("inputs\t"), let inputs = Digest(hex: String(lines[1].dropFirst("inputs\t".count)))
        else { return nil }
        var manifest = CacheManifest(inputs: inputs, diagnostics: [], pageCounts: [], outputs: [:])
        let decoder = JSONDecoder()
        for line in lines[2..<(lines.count - 2)] {
            let fields = line.split(separator: "\t", maxSplits: 5, omittingEmptySubsequences: false)
            switch fields.first {
            case "diagnostic":
                guard fields.count == 2, let record = try? decoder.decode(Record.self, from: Data(fields[1].utf8)),
                    let diagnostic = record.diagnostic
                else { return nil }
                manifest.diagnostics.append(diagnostic)
            case "count":
                guard fields.count == 3, let count = Int(fields[1]) else { return nil }
                manifest.pageCounts.append((String(fields[2]), count))
            case "input", "output":
                guard fields.count == 6, let digest = Digest(hex: String(fields[1])), let size = Int(fields[2]),
                    let inode = UInt64(fields[4])
                else { return nil }
                let entry = Entry(digest: digest, stamp: FileStamp(size: size, modified: String(fields[3]), inode: inode))
                if fields[0] == "input" {
                    manifest.inputFiles[String(fields[5])] = entry
                } else {
                    manifest.outputs[String(fields[5])] = entry
                }
            default:
                return nil
            }
        }
        return manifest
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
