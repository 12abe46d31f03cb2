/// Finds where a piece of inline text was written, for diagnostics about links inside a body.
///
/// cmark reports reliable lines for blocks only, so an inline problem is located by searching for its
/// text from the start line of its block; repeated searches for the same text move forward.
struct SourceLocator {
    private let body: String
    private let path: String
    private let bodyFirstLine: Int
    private var cursors: [String: (line: Int, column: Int)] = [:]
    /// Where each line starts, found only as far as a search has needed. Split on the byte, not the Character: "\r\n"
    /// is a single Character in Swift, and a CRLF file would otherwise be one long line.
    private var lineStarts: [String.Index] = []

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
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        while let start = lineStart(line) {
            // Bytes, not Foundation's search: every link with a #fragment is located, found or not.
            let end = lineStart(line + 1).map { body.utf8.index(before: $0) } ?? body.endIndex
            let text = body[start..<end]
            let scalars = text.unicodeScalars
            if let column = scalars.index(scalars.startIndex, offsetBy: fromColumn, limitedBy: scalars.endIndex) {
                let utf8 = text.utf8
                var from = column
                while let candidate = utf8[from...].firstIndex(of: first) {
                    if utf8[candidate...].starts(with: bytes) {
                        let column = scalars.distance(from: scalars.startIndex, to: candidate)
                        cursors[needle] = (line, column)
                        return SourceLocation(path: path, line: bodyFirstLine + line, column: column + 1)
                    }
                    from = utf8.index(after: candidate)
                }
            }
            line += 1
            fromColumn = 0
        }
        return nil
    }

    /// The start of body line `number` (from 0); nil past the last line.
    private mutating func lineStart(_ number: Int) -> String.Index? {
        if lineStarts.isEmpty { lineStarts = [body.startIndex] }
        let utf8 = body.utf8
        while lineStarts.count <= number {
            guard let last = lineStarts.last, let newline = utf8[last...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lineStarts.append(utf8.index(after: newline))
        }
        return lineStarts[number]
    }
}
