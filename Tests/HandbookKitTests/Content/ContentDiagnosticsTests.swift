import Foundation
import Testing

@testable import HandbookKit

/// Every kind of bad input gives one diagnostic at its own file, line and column, with the exact text.
@Suite struct ContentDiagnosticsTests {
    static let django = file("title: Django\nsummary: A web framework.\ncategory: framework\naliases: [DRF]")
    static let flask = file("title: Flask\nsummary: A small web framework.\ncategory: framework")

    private func diagnostics(_ files: [String: String], site: String? = TestSite.minimalSite) throws -> [String] {
        let site = try TestSite(
            files.merging(["terms/django.md": Self.django, "terms/flask.md": Self.flask]) { new, _ in new }, site: site)
        defer { site.remove() }
        // Mentions of Django and Flask keep the unused-term warning out of these cases.
        try site.write("articles/uses.md", file("title: Uses\nsummary: S.", "Django and Flask.\n"))
        return try site.diagnostics().filter { !$0.contains("[unused-term]") }
    }

    @Test(arguments: [
        (
            "unknown field with a suggestion",
            ["terms/pandas.md": file("title: pandas\nsummary: Tables.\ncategory: library\nalias: [pd]")],
            ["content/terms/pandas.md:5:1: error: unknown field 'alias'; did you mean 'aliases'? [unknown-field]"]
        ),
        (
            "missing required field",
            ["terms/a.md": file("title: A\ncategory: tool")],
            ["content/terms/a.md:1:1: error: missing required field 'summary' [missing-field]"]
        ),
        (
            "wrong type: a list where text belongs",
            ["articles/a.md": file("title: [A, B]\nsummary: S.")],
            ["content/articles/a.md:2:8: error: 'title' must be text, not a list [wrong-type]"]
        ),
        (
            "wrong type: text where a number belongs",
            ["articles/a.md": file("title: A\nsummary: S.\norder: first")],
            ["content/articles/a.md:4:8: error: 'order' must be a whole number [wrong-type]"]
        ),
        (
            "wrong type: a decimal where a whole number belongs",
            ["articles/a.md": file("title: A\nsummary: S.\norder: 1.5")],
            ["content/articles/a.md:4:8: error: 'order' must be a whole number [wrong-type]"]
        ),
        (
            "a decimal, a date and a merge key's spelling are text where text belongs",
            ["articles/a.md": file("title: 3.12\nsummary: 2026-12-01\nowner: <<")],
            []
        ),
        (
            "wrong type: null where text belongs",
            ["articles/a.md": file("title: A\nsummary: ~")],
            ["content/articles/a.md:3:10: error: 'summary' must be text [wrong-type]"]
        ),
        (
            "wrong type: quoted bool",
            ["articles/a.md": file("title: A\nsummary: S.\ndraft: \"yes\"")],
            ["content/articles/a.md:4:8: error: 'draft' must be true or false [wrong-type]"]
        ),
        (
            "wrong type: a word where a list belongs",
            ["articles/a.md": file("title: A\nsummary: S.\ntags: python")],
            ["content/articles/a.md:4:7: error: 'tags' must be a list such as [a, b] [wrong-type]"]
        ),
        (
            "category outside the list",
            ["terms/pandas.md": file("title: pandas\nsummary: Tables.\ncategory: libary")],
            [
                "content/terms/pandas.md:4:11: error: unknown category 'libary'; did you mean 'library'? "
                    + "(one of: language, framework, library, tool, platform, practice, concept) [bad-category]"
            ]
        ),
        (
            "YAML syntax error",
            ["articles/a.md": file("title: A\nsummary: [unclosed")],
            ["content/articles/a.md:4:1: error: invalid YAML: did not find expected ',' or ']' [yaml-syntax]"]
        ),
        (
            "bad slug",
            ["terms/Hiring_Guide.md": file("title: A\nsummary: S.\ncategory: concept")],
            [
                "content/terms/Hiring_Guide.md:1:1: error: file name 'Hiring_Guide' is not a valid slug "
                    + "(lowercase letters, digits and single hyphens); rename it to 'hiring-guide.md' [bad-slug]"
            ]
        ),
        (
            "two pages published at one URL",
            [
                "people/Hiring_Guide.md": "# Hiring\n", "people/hiring-guide.md": "# Guide\n", "people/README.md": "# People\n",
                "people/index.md": "# Also people\n",
            ],
            [
                "content/people/hiring-guide.md:1:1: error: this file and 'content/people/Hiring_Guide.md' would both be published as "
                    + "'people/hiring-guide.html'; rename or merge one of them [page-clash]",
                "content/people/index.md:1:1: error: this file and 'content/people/README.md' would both be published as "
                    + "'people/index.html'; rename or merge one of them [page-clash]",
            ]
        ),
        (
            "duplicate alias across terms",
            ["terms/drf.md": file("title: Django REST\nsummary: APIs.\ncategory: framework\naliases: [drf]")],
            [
                "content/terms/drf.md:5:11: error: 'drf' already names term 'django' (content/terms/django.md:5:11); "
                    + "titles and aliases must be unique [duplicate-name]"
            ]
        ),
        (
            "unknown ref with a suggestion",
            ["terms/pandas.md": file("title: pandas\nsummary: Tables.\ncategory: library\nrelated: [djnago]")],
            ["content/terms/pandas.md:5:11: error: 'related' names unknown term 'djnago'; did you mean 'Django'? [unknown-reference]"]
        ),
        (
            "unknown company in an archetype",
            ["archetypes/backend.md": file("title: Backend\nsummary: APIs.\nbuilds: [APIs]\nuses: [django]\ncompanies: [instagramm]")],
            ["content/archetypes/backend.md:6:13: error: 'companies' names unknown company 'instagramm' [unknown-reference]"]
        ),
        (
            "interview question with a misspelt answer field",
            [
                "archetypes/backend.md": file(
                    "title: Backend\nsummary: APIs.\nbuilds: [APIs]\nuses: [django, flask]\ninterview_questions:\n  - Why Django?\n"
                        + "  - question: How do you test?\n    strong: With pytest.\n    weka: Never."
                )
            ],
            ["content/archetypes/backend.md:10:5: error: unknown field 'weka'; did you mean 'weak'? [unknown-field]"]
        ),
        (
            "interview question without its question",
            [
                "archetypes/backend.md": file(
                    "title: Backend\nsummary: APIs.\nbuilds: [APIs]\nuses: [django, flask]\ninterview_questions:\n  - strong: Yes."
                )
            ],
            ["content/archetypes/backend.md:7:5: error: missing required field 'question' [missing-field]"]
        ),
        (
            "interview question that is a list",
            [
                "archetypes/backend.md": file(
                    "title: Backend\nsummary: APIs.\nbuilds: [APIs]\nuses: [django, flask]\ninterview_questions:\n  - [a, b]")
            ],
            ["content/archetypes/backend.md:7:5: error: 'interview_questions' must be text, not a list [wrong-type]"]
        ),
        (
            "a role named like another role's interview kit",
            [
                "archetypes/backend.md": file("title: Backend\nsummary: APIs.\nbuilds: [APIs]\nuses: [django]"),
                "archetypes/backend-kit.md": file("title: Backend kit\nsummary: Kits.\nbuilds: [Kits]\nuses: [flask]"),
            ],
            [
                "content/archetypes/backend-kit.md:2:8: error: this role's page, archetypes/backend-kit.html, is where the "
                    + "interview kit of role 'backend' goes; rename the file [kit-page-clash]"
            ]
        ),
        (
            "unknown stack term in a company system",
            [
                "companies/acme.md": file(
                    "title: Acme\nindustry: Retail\nsummary: Shops.\nsystems:\n  - name: Shop\n    description: The shop.\n    stack: [flsk]"
                )
            ],
            ["content/companies/acme.md:8:13: error: 'stack' names unknown term 'flsk'; did you mean 'Flask'? [unknown-reference]"]
        ),
        (
            "link to a missing Markdown file",
            ["articles/a.md": file("title: A\nsummary: S.", "Intro.\n\nSee [the framework](../terms/djang.md) now.\n")],
            [
                "content/articles/a.md:7:21: error: link to a missing file '../terms/djang.md'; did you mean '../terms/django.md'? [missing-file]"
            ]
        ),
        (
            "unknown wiki-link target",
            ["articles/a.md": file("title: A\nsummary: S.", "Intro.\n\nRead [[Flaks|the guide]] first.\n")],
            [
                "content/articles/a.md:7:6: error: '[[Flaks|the guide]]' links to nothing: no page has the slug, title or alias "
                    + "'Flaks'; did you mean 'Flask'? [unknown-link-target]"
            ]
        ),
    ])
    func badInput(_ name: String, files: [String: String], expected: [String]) throws {
        let found = try diagnostics(files)
        #expect(found == expected, "\(name)")
    }

    @Test func interviewQuestionsAreTextOrQuestionWithAnswers() throws {
        let site = try TestSite([
            "archetypes/backend.md": file(
                "title: Backend\nsummary: APIs.\nbuilds: [APIs]\nuses: [x]\ninterview_questions:\n  - Why Django?\n"
                    + "  - question: How do you test?\n    strong: With pytest, on every change.\n    weak: By hand.")
        ])
        defer { site.remove() }
        var diagnostics: [Diagnostic] = []
        let content = try ContentLoader.load(
            from: site.root.appendingPathComponent("content"), displayPrefix: "content", includeDrafts: false, diagnostics: &diagnostics)
        let questions = content.archetypes.first?.interviewQuestions ?? []
        #expect(questions.map(\.question) == ["Why Django?", "How do you test?"])
        #expect(questions.map(\.strong) == [nil, "With pytest, on every change."])
        #expect(questions.map(\.weak) == [nil, "By hand."])
    }

    @Test func invalidUTF8IsReportedAtTheFirstBadByte() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try site.writeBytes("articles/a.md", Array("---\ntitle: A\nsummary: caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        let found = try site.diagnostics()
        #expect(found == ["content/articles/a.md:3:13: error: the file is not valid UTF-8; save it as UTF-8 [invalid-utf8]"])
    }

    @Test func twelveTyposGiveTwelveDiagnosticsInOneRun() throws {
        var files: [String: String] = [:]
        for index in 1...12 { files["terms/t\(index).md"] = file("title: T\(index)\nsummary: S.\ncategory: tool\naliasses: [x\(index)]") }
        let found = try diagnostics(files)
        #expect(found.count == 12)
        #expect(found.allSatisfy { $0.hasSuffix("unknown field 'aliasses'; did you mean 'aliases'? [unknown-field]") })
        #expect(found == found.sorted())
    }

    @Test func siteConfigurationIsChecked() throws {
        let found = try diagnostics([:], site: "title: T\nbase_url: example.com\nunsafe_htm: true\n")
        #expect(
            found == [
                "content/site.yml:2:11: error: base_url 'example.com' must be an absolute URL starting with https:// or http:// [bad-base-url]",
                "content/site.yml:3:1: error: unknown field 'unsafe_htm'; did you mean 'unsafe_html'? [unknown-field]",
            ])
    }

    @Test func strayMarkdownIsAWarning() throws {
        let found = try diagnostics(["notes.md": "# notes", "companies/drafts/acme.md": "# Acme"])
        #expect(
            found == [
                "content/companies/drafts/acme.md:1:1: warning: ignored: the records of 'companies/' are the folder's own files, not "
                    + "its subfolders'; move it up into 'companies/', or out of 'companies/' to make it a page [stray-file]"
            ])
    }

    /// Pages take any front matter key quietly (wikis carry other tools' keys), but one that looks like a typo of a
    /// page's field gets a warning.
    @Test func aPagesUnknownKeysAreQuietUnlessTheyLookLikeATypo() throws {
        let found = try diagnostics(["articles/a.md": file("title: A\nsummary: S.\nlayout: post\nnav_order: 3\ntgas: [x]")])
        #expect(found == ["content/articles/a.md:6:1: warning: unknown field 'tgas'; did you mean 'tags'? [unknown-field]"])
    }
}
