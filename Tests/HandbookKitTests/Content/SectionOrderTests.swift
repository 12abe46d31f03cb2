import Foundation
import Testing

@testable import HandbookKit

/// A folder's reading order in a `.pages` file (MkDocs' awesome-pages): named entries first, the rest where `...`
/// stands or after them, every name checked at its line.
@Suite struct SectionOrderTests {
    /// A folder of three pages and a subfolder, titled so that the usual order is Alpha, Beta, Gamma, Zed.
    static let pages = [
        "Team/a_page.md": "# Alpha\n\nThe first by title.\n",
        "Team/b.md": "# Beta\n\nThe second by title.\n",
        "Team/c.md": "# Gamma\n\nThe third by title.\n",
        "Team/Zed/index.md": "# Zed\n\nA subsection.\n",
        "Team/Zed/inside.md": "# Inside\n\nA page of the subsection.\n",
    ]

    /// The titles of the entries of `folder`'s section, in order, after loading `files`; and the diagnostics.
    static func order(_ files: [String: String], folder key: String = "team") throws -> (titles: [String], diagnostics: [String]) {
        let site = try TestSite(files)
        defer { site.remove() }
        var diagnostics: [Diagnostic] = []
        let content = try ContentLoader.load(
            from: site.root.appendingPathComponent("content"), displayPrefix: "content", includeDrafts: false, diagnostics: &diagnostics)
        let tree = content.sections
        let titles = (tree.sections[key]?.entries ?? []).map { entry in
            switch entry {
            case .page(let id): content.title(of: id) ?? id.slug
            case .section(let child): tree.sections[child]?.title ?? child
            }
        }
        return (titles, diagnostics.map(\.formatted))
    }

    @Test func withoutAnOrderFileEntriesGoByTitle() throws {
        #expect(try Self.order(Self.pages).titles == ["Alpha", "Beta", "Gamma", "Zed"])
    }

    @Test func namedEntriesComeFirstAndTheRestStandsWhereTheEllipsisIs() throws {
        var files = Self.pages
        files["Team/.pages"] = "nav:\n  - c.md\n  - ...\n  - a_page.md\n"
        let (titles, diagnostics) = try Self.order(files)
        #expect(titles == ["Gamma", "Beta", "Zed", "Alpha"])
        #expect(diagnostics.isEmpty)
    }

    @Test func withoutAnEllipsisTheRestFollowsAndNoPageIsHidden() throws {
        var files = Self.pages
        // Names match in another case or without `.md`, and an index page named in the list is the section itself.
        files["Team/.pages"] = "arrange:\n  - zed\n  - index.md\n  - B\n"
        #expect(try Self.order(files).titles == ["Zed", "Beta", "Alpha", "Gamma"])
    }

    @Test func frontMatterOrderStillSortsTheRest() throws {
        var files = Self.pages
        files["Team/c.md"] = file("order: 1", "# Gamma\n\nFirst of the rest.\n")
        files["Team/.pages"] = "nav:\n  - Zed\n"
        #expect(try Self.order(files).titles == ["Zed", "Gamma", "Alpha", "Beta"])
    }

    @Test func theTitleNamesTheSectionAndTheTopFolderHasAnOrderToo() throws {
        var files = Self.pages
        files["Team/.pages"] = "title: The team\n"
        files[".pages"] = "nav:\n  - Zebra\n  - Team/\n"
        files["Zebra/z.md"] = "# Z\n\nA page.\n"
        let top = try Self.order(files, folder: "")
        #expect(top.titles == ["Zebra", "The team"])
        #expect(top.diagnostics.isEmpty)
    }

    @Test func everyNameIsCheckedAtItsLine() throws {
        var files = Self.pages
        files["Team/.pages"] =
            "nav:\n  - Zedd\n  - b.md\n  - B.md\n  - Home: a_page.md\n  - ... | flat\n  - Docs: https://example.com/\nhide: true\n"
        let (titles, diagnostics) = try Self.order(files)
        #expect(titles == ["Beta", "Alpha", "Gamma", "Zed"])
        #expect(
            diagnostics == [
                "content/Team/.pages:2:5: warning: 'Zedd' is no page or folder in 'Team/'; did you mean 'Zed'? [order-file]",
                "content/Team/.pages:4:5: warning: 'B.md' is named twice; the first place counts [order-file]",
                "content/Team/.pages:5:5: warning: a title in 'nav' is not used: 'a_page.md' keeps its own title; write the name "
                    + "alone, not 'Home: a_page.md' [order-file]",
                "content/Team/.pages:6:5: warning: filters after '...' are not supported; '... | flat' is read as '...' [order-file]",
                "content/Team/.pages:7:11: warning: links in 'nav' are not supported; ignored [order-file]",
                "content/Team/.pages:8:1: warning: 'hide' is not supported and is ignored: every page is listed, and pages not "
                    + "named in 'nav' keep the usual order [order-file]",
            ])
    }

    @Test func aBrokenOrderFileIsAnErrorAndAnUnknownKeyIsSpelledOut() throws {
        var files = Self.pages
        files["Team/.pages"] = "nav: [a_page.md\n"
        #expect(try Self.order(files).diagnostics.first?.contains("content/Team/.pages:2:1: error: invalid YAML") == true)
        files["Team/.pages"] = "nva:\n  - b.md\n"
        #expect(
            try Self.order(files).diagnostics == [
                "content/Team/.pages:1:1: error: unknown field 'nva'; did you mean 'nav'? [unknown-field]"
            ])
    }

    @Test func theOrderShowsInTheTreeAndPreviousAndNextAndTheFileIsNotPublished() throws {
        var files = Self.pages
        files["Team/.pages"] = "nav:\n  - c.md\n"
        let site = try TestSite(files)
        defer { site.remove() }
        #expect(try !site.build().failed)
        let gamma = try site.read("team/c.html")
        #expect(gamma.contains("<a rel=\"next\" href=\"../team/a-page.html\">Alpha →</a>"))
        #expect(try site.read("team/index.html").contains("Gamma"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("team/.pages").path))
    }
}
