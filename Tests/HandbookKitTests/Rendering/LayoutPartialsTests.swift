import Foundation
import Mustache
import Testing

@testable import HandbookKit

/// The layout's standalone partials are rendered once per value of what they read, and pages come out exactly as
/// swift-mustache renders the layout as written.
@Suite struct LayoutPartialsTests {
    static let partials = [
        "partials/header":
            "<header><a href=\"{{root}}index.html\">{{siteTitle}}</a>\n{{#nav}}<a href=\"{{url}}\">{{title}}</a>\n{{/nav}}</header>\n",
        "partials/footer": "<footer>{{> partials/credit}}</footer>\n",
        "partials/credit": "<p>{{siteTitle}} · {{root}}</p>\n",
        "partials/title": "<title>{{pageTitle}}</title>\n",
    ]

    static func layoutView(_ page: String, root: String, current: String = "") -> LayoutView {
        LayoutView(
            lang: "en", siteTitle: "Site", pageTitle: page, description: "About \(page)", root: root, canonical: nil,
            nav: [NavItem(title: "Articles", url: root + "articles/index.html", current: current == "articles")],
            main: "<p>\(page)</p>", termTips: "", hasTermTips: false, bodyClass: "article")
    }

    /// Each layout rendered through TemplateSet (with its cached partials) and by swift-mustache as written.
    static func renderBothWays(layout: String, views: [LayoutView]) throws -> (cached: [String?], written: [String?], plan: LayoutPartials?)
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = partials.merging(["layout": layout]) { $1 }
        for (name, text) in sources {
            let url = folder.appendingPathComponent(name + ".mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var diagnostics: [Diagnostic] = []
        let set = try TemplateSet.load(from: folder, displayPrefix: "templates", diagnostics: &diagnostics)
        let library = MustacheLibrary(
            templates: try sources.mapValues { try MustacheTemplate(string: TemplateSet.Escaping.pragma + $0) })
        let cached = views.map { set.renderLayout($0) }
        let written = views.map { library.render($0, withTemplate: "layout") }
        return (cached, written, LayoutPartials(layout: layout, sources: sources))
    }

    static let views = [
        layoutView("One", root: "../", current: "articles"), layoutView("Two", root: "../", current: "articles"),
        layoutView("Home", root: ""), layoutView("Three", root: "../"),
    ]

    @Test func pagesComeOutAsTheLayoutIsWritten() throws {
        let layout =
            "<html>\n{{> partials/title}}\n<body>\n{{> partials/header}}\n<main>\n{{{main}}}\n</main>\n{{> partials/footer}}\n</body>\n</html>\n"
        let (cached, written, plan) = try Self.renderBothWays(layout: layout, views: Self.views)
        #expect(cached == written)
        #expect(cached[0]?.contains("<title>One</title>") == true && cached[1]?.contains("<title>Two</title>") == true)
        // The title partial reads the page's own title: it is keyed by it, so each page has its own.
        #expect(plan?.includes.map(\.partial) == ["partials/title", "partials/header", "partials/footer"])
        #expect(plan?.includes.first { $0.partial == "partials/footer" }?.names == ["root", "siteTitle"])
        #expect(plan?.includes.first { $0.partial == "partials/title" }?.names == ["pageTitle"])
        // The author's line numbers stay: every include keeps its line break, inside a comment.
        #expect(
            plan?.layout.split(separator: "\n", omittingEmptySubsequences: false).count
                == layout.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test(arguments: [
        "<html>\n{{#hasTermTips}}\n{{> partials/header}}\n{{/hasTermTips}}\n</html>\n",  // inside a section
        "<html>\n  {{> partials/header}}\n</html>\n",  // indented: each of its lines is indented
        "<html>\n<b>{{> partials/header}}</b>\n</html>\n",  // not alone on its line
        "<html>\n{{> partials/header}}\n{{#hasTermTips}}x{{/hasTermTips}}\n</html>\n",  // the next line has a tag
        "<html>\n{{> partials/header}}</html>",  // no line break after it
    ])
    func includesThatAreNotStandaloneAtTheTopStayAsTheyAre(_ layout: String) throws {
        let (cached, written, plan) = try Self.renderBothWays(layout: layout, views: Self.views)
        #expect(cached == written)
        #expect(plan == nil)
    }

    @Test func aPartialReadingTheWholeContextOrALayoutWithOtherDelimitersIsNotCached() throws {
        let layout = "<html>\n{{> partials/dot}}\n</html>\n"
        #expect(LayoutPartials(layout: layout, sources: ["layout": layout, "partials/dot": "{{#nav}}{{.}}{{/nav}}"]) == nil)
        let delimiters = "{{=<% %>=}}\n{{> partials/footer}}\n</html>\n"
        #expect(LayoutPartials(layout: delimiters, sources: Self.partials) == nil)
    }
}
