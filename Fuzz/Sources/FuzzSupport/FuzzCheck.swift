@testable import HandbookKit

/// Properties every fuzz target checks beyond "no crash": a failed check stops the fuzzer with the input.
public enum FuzzCheck {
    /// The input as text, repaired the way a reader of invalid UTF-8 would see it.
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    }

    /// Every diagnostic names `file` at one of its lines (any YAML line break counts) and a column from 1.
    public static func locations(_ diagnostics: [Diagnostic], in file: SourceFile) {
        let lines = lineCount(file.text)
        for diagnostic in diagnostics {
            let location = diagnostic.location
            precondition(location.path == file.path, "\(diagnostic.formatted): not at \(file.path)")
            precondition(location.line >= 1 && location.line <= lines, "\(diagnostic.formatted): the file has \(lines) lines")
            precondition(location.column >= 1, "\(diagnostic.formatted): column before the line")
        }
    }

    /// Lines as the most generous reader counts them: LF, CR, CRLF, NEL, LS and PS all end one.
    static func lineCount(_ text: String) -> Int {
        var count = 1
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: if !previousWasCR { count += 1 }
            case 0x0D, 0x85, 0x2028, 0x2029: count += 1
            default: break
            }
            previousWasCR = scalar.value == 0x0D
        }
        return count
    }
}
