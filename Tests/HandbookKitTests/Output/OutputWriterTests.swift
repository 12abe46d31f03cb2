import Foundation
import Testing

@testable import HandbookKit

@Suite struct OutputWriterTests {
    @Test(arguments: [("index.html", ""), ("terms/django.html", "terms"), ("articles/page/2.html", "articles/page")])
    func aPathsFolderIsWhatComesBeforeItsLastSlash(_ path: String, _ folder: String) {
        #expect(OutputWriter.folder(of: path) == folder)
    }

    @Test func pagesGoIntoTheirFoldersAndTakeTheOutputsPlace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let writer = try OutputWriter(to: output, cache: nil)
        writer.write([
            OutputFile(path: "index.html", contents: "home"), OutputFile(path: "articles/page/2.html", contents: "two"),
            OutputFile(path: "terms/café.html", contents: "é"),
        ])
        try writer.finish(assets: nil, copies: [])
        #expect(try String(contentsOf: output.appendingPathComponent("articles/page/2.html"), encoding: .utf8) == "two")
        #expect(try String(contentsOf: output.appendingPathComponent("terms/café.html"), encoding: .utf8) == "é")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "home")
    }
}
