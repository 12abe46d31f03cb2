import Foundation

/// Finds where a piece of inline text was written, for diagnostics about links inside a body.
///
/// cmark reports reliable lines for blocks only, so an inline problem is located by searching for its
/// text from the start line of its block; repeated searches for the same text move forward.
struct SourceLocator {
    private let body: String
    private let path: String
    private let bodyFirstLine: Int
    private var cursors: [String: (line: Int, column: Int)] = [:]
    /// Split only when a diagnostic needs a place: most pages never do. Split on the byte, not the Character:
    /// "\r\n" is a single Character in Swift, and a CRLF file would otherwise be one long line.
    private lazy var lines: [Substring] = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { Substring($0) }

    init(document: Document) {
        body = document.body
        path = document.path
        bodyFirstLine = document.bodyFirstLine
    }

    /// The file location of `needle`, searching from body line `blockLine` (1-based; 0 when unknown).
    mutating func locate(_ needle: String, fromBodyLine blockLine: Int) -> SourceLocation {
        find(needle, fromBodyLine: blockLine)
            ?? SourceLocation(path: path, line: bodyFirstLine + max(blockLine, 1) - 1, column: 1)
    }

    /// The file location of a link's URL: in `(url)`, then anywhere (`<url>`, a `[ref]: url` definition below
    /// or above the block), else the block's first column.
    mutating func locateURL(_ url: String, fromBodyLine blockLine: Int) -> SourceLocation {
        if let found = find("(" + url, fromBodyLine: blockLine) {
            return SourceLocation(path: found.path, line: found.line, column: found.column + 1)
        }
        return find(url, fromBodyLine: blockLine) ?? find(url, fromBodyLine: 1) ?? locate(url, fromBodyLine: blockLine)
    }

    /// The file location of `needle`, searching from body line `blockLine`; nil when it is not there.
    mutating func find(_ needle: String, fromBodyLine blockLine: Int) -> SourceLocation? {
        var line = max(blockLine, 1) - 1
        var fromColumn = 0
        if let cursor = cursors[needle], cursor.line >= line {
            line = cursor.line
            fromColumn = cursor.column + 1
        }
        while line < lines.count {
            let text = lines[line]
            let scalars = text.unicodeScalars
            if fromColumn <= scalars.count,
                let found = String(scalars.dropFirst(fromColumn)).range(of: needle)
            {
                let column = fromColumn + String(scalars.dropFirst(fromColumn))[..<found.lowerBound].unicodeScalars.count
                cursors[needle] = (line, column)
                return SourceLocation(path: path, line: bodyFirstLine + line, column: column + 1)
            }
            line += 1
            fromColumn = 0
        }
        return nil
    }
}
