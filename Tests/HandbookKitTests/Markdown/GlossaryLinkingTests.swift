import Testing

@testable import HandbookKit

/// Tricky mentions, with the exact HTML the stage must produce.
@Suite struct GlossaryLinkingTests {
    static let harness = MarkdownHarness(terms: [
        .init(slug: "python", title: "Python", aliases: ["Python 3"]),
        .init(slug: "python-2", title: "Python 2"),
        .init(slug: "apache-spark", title: "Apache Spark", aliases: ["Spark", "PySpark"]),
        .init(slug: "cpp", title: "C++"),
        .init(slug: "csharp", title: "C#"),
        .init(slug: "nodejs", title: "Node.js"),
        .init(slug: "dotnet", title: ".NET"),
        .init(slug: "scikit-learn", title: "scikit-learn", aliases: ["sklearn"]),
        .init(slug: "rest", title: "REST", aliases: ["REST API"], matchCase: true),
        .init(slug: "data-pipeline", title: "data pipeline"),
        .init(slug: "library", title: "library"),
        .init(slug: "wandb", title: "Weights & Biases", aliases: ["W&B"]),
        .init(slug: "ci-cd", title: "CI/CD"),
        .init(slug: "hidden", title: "Hidden", noAutolink: true),
    ])

    static func link(_ slug: String, _ label: String) -> String {
        let titles = harness.content.terms.first { $0.document.slug == slug }?.document.title.value ?? slug
        return MarkdownHarness.termLink(slug, label, title: HTML.escape(titles))
    }

    @Test(arguments: [
        ("Python is here.", "<p>\(link("python", "Python")) is here.</p>\n"),
        ("We use python daily.", "<p>We use \(link("python", "python")) daily.</p>\n"),
        ("Apache Spark beats Spark.", "<p>\(link("apache-spark", "Apache Spark")) beats Spark.</p>\n"),
        ("Spark then Apache Spark.", "<p>\(link("apache-spark", "Spark")) then Apache Spark.</p>\n"),
        ("Python 2 and Python.", "<p>\(link("python-2", "Python 2")) and \(link("python", "Python")).</p>\n"),
        ("Pythonic code is not Python.", "<p>Pythonic code is not \(link("python", "Python")).</p>\n"),
        ("C++ and C# and C.", "<p>\(link("cpp", "C++")) and \(link("csharp", "C#")) and C.</p>\n"),
        ("C++11 is not a mention.", "<p>C++11 is not a mention.</p>\n"),
        ("Node.js, not Node or js.", "<p>\(link("nodejs", "Node.js")), not Node or js.</p>\n"),
        ("ASP.NET is not .NET alone.", "<p>ASP.NET is not \(link("dotnet", ".NET")) alone.</p>\n"),
        ("Use scikit-learn (sklearn).", "<p>Use \(link("scikit-learn", "scikit-learn")) (sklearn).</p>\n"),
        ("Take a rest, then REST.", "<p>Take a rest, then \(link("rest", "REST")).</p>\n"),
        ("A REST API here.", "<p>A \(link("rest", "REST API")) here.</p>\n"),
        ("Two data pipelines.", "<p>Two \(link("data-pipeline", "data pipelines")).</p>\n"),
        ("Some libraries.", "<p>Some \(link("library", "libraries")).</p>\n"),
        ("Logged to Weights & Biases.", "<p>Logged to \(link("wandb", "Weights &amp; Biases")).</p>\n"),
        ("Logged to W&B.", "<p>Logged to \(link("wandb", "W&amp;B")).</p>\n"),
        ("Ship with CI/CD.", "<p>Ship with \(link("ci-cd", "CI/CD")).</p>\n"),
        ("Python's syntax.", "<p>\(link("python", "Python"))'s syntax.</p>\n"),
        ("*Python* matters.", "<p><em>\(link("python", "Python"))</em> matters.</p>\n"),
        ("Hidden stays plain.", "<p>Hidden stays plain.</p>\n"),
    ])
    func mention(_ markdown: String, _ expected: String) {
        #expect(Self.harness.html(markdown) == expected)
    }

    @Test(arguments: [
        ("inline code", "Run `python app.py`.", "<p>Run <code>python app.py</code>.</p>\n"),
        ("code block", "```\npython\n```", "<pre><code>python\n</code></pre>\n"),
        ("a link's text", "[Python docs](https://docs.python.org)", "<p><a href=\"https://docs.python.org\">Python docs</a></p>\n"),
        ("image text", "![Python logo](logo.png)", "<p><img src=\"../articles/logo.png\" alt=\"Python logo\" /></p>\n"),
        ("raw HTML", "<span>Python</span>", "<p><!-- raw HTML omitted -->Python<!-- raw HTML omitted --></p>\n"),
        ("autolinked URL", "https://python.org", "<p><a href=\"https://python.org\">https://python.org</a></p>\n"),
    ])
    func neverLinksInside(_ place: String, _ markdown: String, _ expected: String) {
        #expect(Self.harness.html(markdown) == expected, "\(place)")
    }

    @Test func headingsAreNeverLinked() {
        let html = Self.harness.html("## Python basics\n")
        #expect(
            html
                == "<h2 id=\"python-basics\">Python basics<a class=\"anchor\" href=\"#python-basics\" aria-label=\"Link to this section: Python basics\">#</a></h2>\n"
        )
    }

    @Test func onlyTheFirstMentionOnAPageIsLinked() {
        let body = Self.harness.render("Python here.\n\n- Python there\n- and python again\n")
        #expect(body.html.components(separatedBy: "term-link").count == 2)
        #expect(body.terms == ["python"])
        #expect(body.links == [ItemID(.term, "python")])
    }

    @Test func aTermsOwnPageDoesNotLinkItself() {
        let html = Self.harness.html("Python and Python 2.", page: ItemID(.term, "python"))
        #expect(html == "<p>Python and \(Self.link("python-2", "Python 2")).</p>\n")
    }

    @Test func anExplicitLinkCountsAsTheMention() {
        let body = Self.harness.render("See [[python|the language]]. Python again.")
        #expect(body.html == "<p>See \(Self.link("python", "the language")). Python again.</p>\n")
        #expect(body.terms == ["python"])
    }

    @Test func tablesAndFootnotesAreProse() {
        let html = Self.harness.html("| Tool |\n|---|\n| Spark |\n")
        #expect(html.contains(Self.link("apache-spark", "Spark")))
    }

    @Test func aNameSharedWithACompanyIsAmbiguous() {
        let harness = MarkdownHarness(
            terms: [.init(slug: "hugging-face", title: "Hugging Face")], companies: [(slug: "hf", title: "Hugging Face")])
        let body = harness.render("We like Hugging Face.")
        #expect(
            body.diagnostics.map(\.formatted) == [
                "content/articles/page.md:5:9: warning: 'Hugging Face' could mean term 'hugging-face', company 'hf'; linking the term. Write [[slug]] to choose [ambiguous-mention]"
            ])
    }
}
