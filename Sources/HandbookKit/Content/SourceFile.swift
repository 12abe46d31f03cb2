import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A content file read from disk: its display path and its text.
public struct SourceFile: Sendable {
    /// The path as printed in diagnostics, e.g. `content/terms/django.md`.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// A location in this file.
    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// A location no later than the end of the file: libyaml reports an error at the end of the input on the
    /// line after the last one (found by FuzzFrontMatter), and editors cannot jump there.
    func clampedLocation(line: Int, column: Int) -> SourceLocation {
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard line > lines.count, let last = lines.last else { return location(line: max(line, 1), column: max(column, 1)) }
        let width = Substring(last).unicodeScalars.count
        return location(line: lines.count, column: width + 1)
    }
}

/// Reads files quickly: Foundation's `String(contentsOfFile:)` is an order of magnitude slower here.
enum FileReader {
    enum Failure: Error {
        case unreadable(String)
        /// Not UTF-8: the line and column (1-based) of the first bad byte.
        case invalidUTF8(line: Int, column: Int)
    }

    /// Reads a regular file as UTF-8. Opened without blocking and checked after opening: a FIFO put in place
    /// of a file fails here instead of waiting forever for a writer.
    static func read(_ url: URL) throws(Failure) -> String { try read(atPath: url.path) }

    static func read(atPath path: String) throws(Failure) -> String {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable("not a regular file") }
        var bytes: [UInt8] = []
        // One byte more than the size: a file read whole comes back short, which is its end.
        var chunk = Int(max(info.st_size, 0)) + 1
        while true {
            var failure: Int32 = 0
            let part = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                while count < chunk, let start = buffer.baseAddress {
                    let got = Glibc.read(descriptor, start + count, chunk - count)
                    if got < 0 && errno == EINTR { continue }
                    if got < 0 { failure = errno }
                    if got <= 0 { return }
                    count += got
                }
            }
            guard failure == 0 else { throw .unreadable(String(cString: strerror(failure))) }
            if bytes.isEmpty { bytes = part } else { bytes += part }
            // A file that grew since fstat fills the buffer: keep reading.
            if part.count < chunk { break }
            chunk = 1 << 16
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        throw firstInvalidByte(in: bytes)
    }

    private static func firstInvalidByte(in data: [UInt8]) -> Failure {
        var line = 1
        var column = 1
        var decoder = UTF8()
        var iterator = data.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return .invalidUTF8(line: line, column: column)
    }
}
