import Foundation
import Testing

@testable import HandbookKit

/// `{{name}}` escapes author text by Unicode scalar, in templates and in the partials they include, through the
/// compiled plan and through swift-mustache alike.
@Suite struct TemplateEscapingTests {
    struct Fields: TemplateScope {
        var fields: [String: String]
        func value(named name: String) -> TemplateValue? { .of(fields[name]) }
    }

    /// `templates` (name → text) loaded as a templates folder.
    static func load(_ templates: [String: String], diagnostics: inout [Diagnostic]) throws -> TemplateSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escaping-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, text) in templates {
            let url = folder.appendingPathComponent(file + ".mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try TemplateSet.load(from: folder, displayPrefix: "templates", diagnostics: &diagnostics)
    }

    /// The plan's output, once checked to be swift-mustache's.
    static func render(_ templates: [String: String], _ name: String, _ view: [String: String]) throws -> String? {
        var diagnostics: [Diagnostic] = []
        var set = try load(templates, diagnostics: &diagnostics)
        #expect(set.unplanned.isEmpty)
        let planned = set.render(name, Fields(fields: view))
        set.renderWithReference = true
        #expect(set.render(name, Fields(fields: view)) == planned)
        return planned
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

    /// What the plan leaves out (here inheritance, in a partial) is rendered by swift-mustache, with the template,
    /// and every template including it, named with the reason.
    @Test func aTemplateThePlanLeavesOutIsRenderedBySwiftMustache() throws {
        let templates = [
            "page": "<main>{{> partials/p}}</main>", "partials/p": "{{<base}}{{$inner}}<b>{{t}}</b>{{/inner}}{{/base}}",
            "base": "<div>{{$inner}}-{{/inner}}</div>", "plain": "<i>{{t}}</i>",
        ]
        var diagnostics: [Diagnostic] = []
        let set = try Self.load(templates, diagnostics: &diagnostics)
        #expect(!diagnostics.contains { $0.id == "template-syntax" })
        #expect(set.unplanned.map(\.template) == ["base", "page", "partials/p"])
        #expect(set.unplanned[1].reason == "it includes 'partials/p', which swift-mustache renders")
        #expect(set.unplanned.last?.reason.contains("inheritance") == true)
        #expect(set.render("page", Fields(fields: ["t": "<x>"])) == "<main><div><b>&lt;x&gt;</b></div></main>")
        #expect(set.render("plain", Fields(fields: ["t": "<x>"])) == "<i>&lt;x&gt;</i>")
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
