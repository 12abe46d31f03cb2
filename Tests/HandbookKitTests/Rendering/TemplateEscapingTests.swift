import Foundation
import Testing

@testable import HandbookKit

/// `{{name}}` escapes author text by Unicode scalar, in templates and in the partials they include.
@Suite struct TemplateEscapingTests {
    static func render(_ templates: [String: String], _ name: String, _ view: [String: String]) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escaping-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, text) in templates {
            let url = folder.appendingPathComponent(file + ".mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var diagnostics: [Diagnostic] = []
        return try TemplateSet.load(from: folder, displayPrefix: "templates", diagnostics: &diagnostics).render(name, view)
    }

    @Test func aQuoteFollowedByACombiningMarkCannotLeaveAnAttribute() throws {
        // One grapheme cluster, two scalars: Mustache's own escaper let this quote through.
        let hostile = "x\"\u{301} onmouseover=alert(1) <b>&'"
        let html = try Self.render(
            ["page": "<a title=\"{{t}}\">{{> partials/p}}</a>", "partials/p": "<i title=\"{{t}}\"></i>"], "page", ["t": hostile])
        let escaped = "x&quot;\u{301} onmouseover=alert(1) &lt;b&gt;&amp;&#39;"
        #expect(html == "<a title=\"\(escaped)\"><i title=\"\(escaped)\"></i></a>")
    }

    @Test func standaloneTagsAndTripleBracesRenderAsBefore() throws {
        let html = try Self.render(["page": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n{{{raw}}}\n"], "page", ["raw": "<b>"])
        #expect(html == "<b>\n")
    }

    @Test func syntaxErrorsAreReportedAtTheAuthorsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escaping-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<p>\n{{#open}}\n".utf8).write(to: folder.appendingPathComponent("page.mustache"))
        var diagnostics: [Diagnostic] = []
        _ = try TemplateSet.load(from: folder, displayPrefix: "templates", diagnostics: &diagnostics)
        let syntax = diagnostics.filter { $0.id == "template-syntax" }
        #expect(syntax.map(\.location.path) == ["templates/page.mustache"])
        #expect(syntax.first.map { $0.location.line <= 3 } == true)
    }
}
