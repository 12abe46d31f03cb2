import Foundation
import Testing

@testable import HandbookKit

/// Every link and embed checked (files, pages, `#fragments`), and the files content points at copied.
@Suite struct LinkTargetTests {
    static let guide = file(
        "title: Guide\nsummary: S.", "## Setup\n\nText.\n\n## Costs and pay\n\nNote[^1].\n\n[^1]: A footnote.\n")
    static let term = file("title: Django\nsummary: A web framework.\ncategory: framework", "Django.\n")
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]

    /// A site whose article `a` has `body` (from line 5), with a guide, a term, an image and a PDF to point at.
    func site(_ body: String, extra: [String: String] = [:]) throws -> TestSite {
        var files = ["articles/guide.md": Self.guide, "terms/django.md": Self.term]
        files["articles/a.md"] = file("title: A\nsummary: S.", body)
        for (path, text) in extra { files[path] = text }
        let site = try TestSite(files)
        try site.writeBytes("articles/img/chart.png", Self.png)
        try site.writeBytes("files/report.pdf", Array("%PDF-1.4".utf8))
        return site
    }

    func errors(_ body: String, extra: [String: String] = [:]) throws -> [String] {
        let site = try site(body, extra: extra)
        defer { site.remove() }
        return try site.diagnostics().filter { !$0.contains("[unused-term]") }
    }

    @Test(arguments: [
        "[x](guide.md#setup)", "[x](guide.md#costs-and-pay)", "[x](guide.md)", "[x](guide.md#fn-1)", "[x](../terms/django.md#used-by)",
        "[x](../terms/django.md#main)", "## Intro\n\n[x](#intro)", "[x](#top)", "![x](img/chart.png)", "[x](img/chart.png#zoom)",
        "[x](../files/report.pdf)", "[x](./img/../img/chart.png)", "[x](../index.html)", "[x](../terms/index.html)",
        "[x](../articles/guide.html#setup)", "[x](../assets/style.css)", "[x](../search-index.json)", "[x](https://example.com/a.png)",
        "[x](mailto:someone@example.com)", "[x](//cdn.example.com/a.js)", "[x](guide.md?v=1)", "![x](/articles/img/chart.png)",
        "[x](/files/report.pdf)", "[x](/articles/guide.md#setup)", "[x](/index.html)",
    ])
    func validTargetsAreQuiet(_ body: String) throws {
        #expect(try errors(body) == [])
    }

    @Test(arguments: [
        (
            "See [the setup](guide.md#setpu) first.\n",
            "content/articles/a.md:5:17: warning: link to 'guide.md#setpu', but content/articles/guide.md has no heading or id 'setpu'; "
                + "did you mean 'setup'? [missing-anchor]"
        ),
        (
            "## Intro\n\nBack to [the start](#intr).\n",
            "content/articles/a.md:7:21: warning: link to '#intr', but this page has no heading or id 'intr'; did you mean 'intro'? "
                + "[missing-anchor]"
        ),
        (
            "Who uses it: [x](../terms/django.md#usedby).\n",
            "content/articles/a.md:5:18: warning: link to '../terms/django.md#usedby', but content/terms/django.md has no heading or id "
                + "'usedby'; did you mean 'used-by'? [missing-anchor]"
        ),
        (
            "Text.\n\n![A chart](img/chrat.png)\n",
            "content/articles/a.md:7:12: error: image from a missing file 'img/chrat.png'; did you mean 'img/chart.png'? [missing-file]"
        ),
        (
            "[The report](../files/report.pfd)\n",
            "content/articles/a.md:5:14: error: link to a missing file '../files/report.pfd'; did you mean '../files/report.pdf'? "
                + "[missing-file]"
        ),
        (
            "[Secrets](../../secret.txt)\n",
            "content/articles/a.md:5:11: error: link to '../../secret.txt', which is outside the content folder [missing-file]"
        ),
        (
            "[All tags](../tags/nope.html)\n",
            "content/articles/a.md:5:12: error: link to a missing file '../tags/nope.html'; did you mean '../tags/index.html'? "
                + "[missing-file]"
        ),
        (
            "A [reference][r] link.\n\n[r]: guide.md#nowhere\n",
            "content/articles/a.md:7:6: warning: link to 'guide.md#nowhere', but content/articles/guide.md has no heading or id 'nowhere' "
                + "[missing-anchor]"
        ),
        (
            "From the root: ![x](/images/chart.png)\n",
            "content/articles/a.md:5:21: error: image from a missing file '/images/chart.png' [missing-file]"
        ),
        (
            "[x](/files/reprt.pdf)\n",
            "content/articles/a.md:5:5: error: link to a missing file '/files/reprt.pdf'; did you mean '/files/report.pdf'? [missing-file]"
        ),
        (
            "Upper case: ![x](img/Chart.png)\n",
            "content/articles/a.md:5:18: error: image from a missing file 'img/Chart.png'; did you mean 'img/chart.png'? [missing-file]"
        ),
    ])
    func brokenTargetsAreErrorsAtTheirURL(_ body: String, _ expected: String) throws {
        #expect(try errors(body) == [expected])
    }

    @Test func idsInRawHTMLCountWhenRawHTMLIsAllowed() throws {
        let body = "<a id=\"here\"></a>\n\n[x](#here) [y](#hier)\n"
        let site = try TestSite(["articles/a.md": file("title: A\nsummary: S.", body)], site: "title: T\nunsafe_html: true\n")
        defer { site.remove() }
        #expect(
            try site.diagnostics() == [
                "content/articles/a.md:7:16: warning: link to '#hier', but this page has no heading or id 'hier'; did you mean 'here'? "
                    + "[missing-anchor]"
            ])
    }

    @Test func anIDLeftOutWithRawHTMLIsExplained() throws {
        let found = try errors("<a id=\"old-name\"></a>\n\n## New name\n\nSee [before](#old-name).\n")
        #expect(
            found == [
                "content/articles/a.md:9:14: warning: link to '#old-name', but this page has no heading or id 'old-name'; it is in raw HTML, "
                    + "which is left out unless site.yml sets unsafe_html: true [missing-anchor]"
            ])
    }

    @Test func aLinkToADraftIsExplainedAndFineWithDrafts() throws {
        let site = try site("See [the plan](plan.md#setup).\n")
        defer { site.remove() }
        try site.write("articles/plan.md", file("title: Plan\nsummary: S.\ndraft: true", "## Setup\n"))
        #expect(
            try site.diagnostics().filter { !$0.contains("[unused-term]") } == [
                "content/articles/a.md:5:16: error: link to 'plan.md#setup', a draft, which is built only with --drafts; "
                    + "publish it (draft: false) or drop the link [link-to-draft]"
            ])
        let withDrafts = try site.build(write: false, drafts: true)
        #expect(withDrafts.diagnostics.filter { $0.severity == .error } == [])
    }

    @Test func eachOfManyLinksIsReportedAtItsOwnColumn() throws {
        let found = try errors("[a](guide.md#x) and [b](guide.md#x)\n[c](guide.md#x)\n")
        #expect(
            found.map { $0.prefix(while: { $0 != " " }) } == [
                "content/articles/a.md:5:5:", "content/articles/a.md:5:25:", "content/articles/a.md:6:5:",
            ])
    }

    @Test func linkedAndUnlinkedFilesAreCopiedWhereThePageLooksForThem() throws {
        let site = try site(
            "![A chart](img/chart.png) and [the report](../files/report.pdf) and [a space](../files/my%20notes.txt) and "
                + "[from the root](/images/unused.svg).\n")
        defer { site.remove() }
        try site.write("files/my notes.txt", "notes\n")
        try site.write("images/unused.svg", "<svg/>\n")
        try site.write("images/.DS_Store", "junk")
        let report = try site.build()
        #expect(report.diagnostics.filter { $0.severity == .error } == [])
        #expect(try Data(contentsOf: site.output.appendingPathComponent("articles/img/chart.png")) == Data(Self.png))
        #expect(try site.read("files/report.pdf") == "%PDF-1.4")
        #expect(try site.read("files/my notes.txt") == "notes\n")
        #expect(try site.read("images/unused.svg") == "<svg/>\n")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("images/.DS_Store").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("site.yml").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/a.md").path))
        // Written from the site root, so the same body works on the print page, one folder up.
        let page = try site.read("articles/a.html")
        #expect(page.contains("<img src=\"../articles/img/chart.png\" alt=\"A chart\" />"))
        #expect(page.contains("<a href=\"../files/report.pdf\">the report</a>"))
        #expect(page.contains("<a href=\"../files/my%20notes.txt\">a space</a>"))
        #expect(page.contains("<a href=\"../images/unused.svg\">from the root</a>"))
        let print = try site.read("print.html")
        #expect(print.contains("<img src=\"articles/img/chart.png\" alt=\"A chart\" />"))
        #expect(print.contains("<a href=\"files/report.pdf\">the report</a>"))
    }

    @Test func aFileThatWouldReplaceAGeneratedOneIsAnError() throws {
        let found = try errors("Text.\n", extra: ["index.html": "<p>mine</p>", "assets/style.css": "body {}", "assets/logo.svg": "<svg/>"])
        #expect(
            found == [
                "content/assets/style.css:1:1: error: this file would replace the template asset of the same name at 'assets/style.css' "
                    + "in the output; rename or move it [output-clash]",
                "content/index.html:1:1: error: this file would replace a page the build writes at 'index.html' in the output; "
                    + "rename or move it [output-clash]",
            ])
    }

    /// Markdown anywhere is a page, except in a record folder's subfolder: records are that folder's own files.
    @Test func markdownInARecordFoldersSubfolderIsAStrayFile() throws {
        let found = try errors(
            "Text.\n", extra: ["images/notes.md": "# notes", "article/x.md": "# x", "articles/old/y.md": "# y", "terms/old/z.md": "# z"])
        #expect(
            found == [
                "content/terms/old/z.md:1:1: warning: ignored: the records of 'terms/' are the folder's own files, not its "
                    + "subfolders'; move it up into 'terms/', or out of 'terms/' to make it a page [stray-file]"
            ])
    }

    @Test func filesFollowTheContentFoldersSymlinkRules() throws {
        let site = try site("[x](../images/outside.txt) [y](../images/inside.png)\n")
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("outside.txt")
        try Data("secret".utf8).write(to: outside)
        let images = site.root.appendingPathComponent("content/images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: images.appendingPathComponent("outside.txt").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(
            atPath: images.appendingPathComponent("inside.png").path, withDestinationPath: "../articles/img/chart.png")
        // A link back up must not be walked forever.
        try FileManager.default.createSymbolicLink(atPath: images.appendingPathComponent("up").path, withDestinationPath: "..")
        let found = try site.diagnostics().filter { !$0.contains("[unused-term]") }
        #expect(
            found == [
                "content/articles/a.md:5:5: error: link to a missing file '../images/outside.txt'; did you mean '../images/inside.png'? "
                    + "[missing-file]",
                "content/images/outside.txt:1:1: error: symbolic link to '\(outside.resolvingSymlinksInPath().path)', outside the content "
                    + "folder; copy the file into the content folder, or build with --follow-symlinks [symlink-outside-content]",
            ])
        var options = site.options()
        options.followSymlinks = true
        #expect(try Build.run(options).diagnostics.filter { $0.severity == .error } == [])
        #expect(try site.read("images/outside.txt") == "secret")
        #expect(try Data(contentsOf: site.output.appendingPathComponent("images/inside.png")) == Data(Self.png))
    }

    @Test(arguments: [
        ("img/chart.png", URLSafety.LocalReference(path: "img/chart.png", suffix: "", fragment: nil)),
        ("guide.md#set%20up", URLSafety.LocalReference(path: "guide.md", suffix: "#set%20up", fragment: "set up")),
        ("my%20file.pdf?v=2#p", URLSafety.LocalReference(path: "my file.pdf", suffix: "?v=2#p", fragment: "p")),
        ("#top", URLSafety.LocalReference(path: "", suffix: "#top", fragment: "top")),
        ("guide.md#", URLSafety.LocalReference(path: "guide.md", suffix: "#", fragment: nil)),
        ("a:b/c", nil), ("https://x.org/a.md", nil), ("mailto:x@y.z", nil), ("//host/a.png", nil), ("", nil),
        ("dir/a:b.png", URLSafety.LocalReference(path: "dir/a:b.png", suffix: "", fragment: nil)),
        ("a%23b%3F.pdf", URLSafety.LocalReference(path: "a#b?.pdf", suffix: "", fragment: nil)),
        ("/images/a.png", URLSafety.LocalReference(path: "/images/a.png", suffix: "", fragment: nil)),
    ])
    func relativeReferencesAreSplit(_ url: String, _ expected: URLSafety.LocalReference?) {
        #expect(URLSafety.localReference(url) == expected)
    }

    @Test func pathsAreEncodedBackForTheirURL() {
        #expect(URLSafety.encodePath("files/a#b?c 100%.pdf") == "files/a%23b%3Fc 100%25.pdf")
        #expect(URLSafety.encodePath("img/chart.png") == "img/chart.png")
    }

    @Test func idsAreReadFromAttributesOnly() {
        let html = """
            <h2 id="setup">Setup</h2><a name='old-style'></a><p>id="not-an-id" data-id="nope"</p><span id="tip-{{slug}}"></span>
            <li id="fn-1">x</li>
            """
        #expect(HTMLIDs.scan(html) == ["setup", "old-style", "fn-1"])
        #expect(HTMLIDs.scan(html, names: false) == ["setup", "fn-1"])
    }
}
