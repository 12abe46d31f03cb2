import Foundation

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
}

/// Reads files quickly: Foundation's `String(contentsOfFile:)` is an order of magnitude slower here.
enum FileReader {
    enum Failure: Error {
        case unreadable(String)
        /// Not UTF-8: the line and column (1-based) of the first bad byte.
        case invalidUTF8(line: Int, column: Int)
    }

    static func read(_ url: URL) throws(Failure) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .unreadable(url.path)
        }
        if let text = String(validating: data, as: UTF8.self) {
            return text
        }
        throw firstInvalidByte(in: data)
    }

    private static func firstInvalidByte(in data: Data) -> Failure {
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
