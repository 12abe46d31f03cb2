import FuzzSupport

@testable import HandbookKit

/// The front-matter splitter and the record decoder of every kind, and `site.yml`, on any bytes: each
/// input ends as a record or as diagnostics placed inside the file.
// Also under libFuzzer's own name: its main is linked in (SwiftPM's main, main.swift, runs instead).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    // The first byte picks what the rest is: a content file of one of the four kinds, or site.yml.
    let selector = Int(data[0] % 5)
    let text = FuzzCheck.text(data + 1, size - 1)
    var diagnostics: [Diagnostic] = []
    let file: SourceFile
    if selector == 4 {
        file = SourceFile(path: "content/site.yml", text: text)
        _ = RecordDecoder.site(file, diagnostics: &diagnostics)
    } else {
        let kind = [Kind.article, .term, .archetype, .company][selector]
        file = SourceFile(path: "content/\(kind.folder)/fuzz.md", text: text)
        if case .success(let parts) = FrontMatter.split(file) {
            precondition(parts.bodyFirstLine > parts.yamlFirstLine, "the body starts before the front matter")
        }
        _ = RecordDecoder.record(ItemID(kind, "fuzz"), file: file, diagnostics: &diagnostics)
    }
    FuzzCheck.locations(diagnostics, in: file)
    return 0
}
