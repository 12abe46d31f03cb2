/// A content file split into its YAML front matter and its Markdown body, by lines.
struct FrontMatter: Sendable {
    /// The YAML between the two `---` lines.
    var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// File line of the body's first line.
    var bodyFirstLine: Int

    /// Splits `file`; a missing opening or closing fence is a diagnostic.
    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        var text = Substring(file.text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        if text.allSatisfy(\.isWhitespace) {
            return .failure(
                .error("empty-file", at: file.location(line: 1), "the file is empty; expected '---', front matter, '---', then Markdown"))
        }
        // Lines end at the byte, not the Character: "\r\n" is a single Character in Swift. Only the front matter
        // is cut into lines; the body is the rest of the text after the closing fence's line, taken whole.
        let utf8 = text.utf8
        var start = utf8.startIndex
        func nextLine() -> Substring.UTF8View.SubSequence? {
            guard start < utf8.endIndex else { return nil }
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            defer { start = end < utf8.endIndex ? utf8.index(after: end) : end }
            return utf8[start..<end]
        }
        guard let first = nextLine(), isFence(Substring(first)) else {
            return .failure(.error("front-matter", at: file.location(line: 1), "expected '---' on the first line to open the front matter"))
        }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = nextLine() {
            lineNumber += 1
            if isFence(Substring(line)) {
                let rest = line.endIndex < text.utf8.endIndex ? text[text.utf8.index(after: line.endIndex)...] : ""
                return .success(
                    FrontMatter(
                        yaml: yamlLines.joined(separator: "\n"),
                        yamlFirstLine: 2,
                        body: String(rest),
                        bodyFirstLine: lineNumber + 1))
            }
            yamlLines.append(Substring(line))
        }
        return .failure(
            .error("front-matter", at: file.location(line: 1), "the front matter opened here is never closed; add a '---' line after it"))
    }

    private static func isFence(_ line: Substring) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed = trimmed.dropLast() }
        return trimmed == "---"
    }
}
