import Foundation
import Testing

@testable import HandbookKit

/// A differential test of the Markdown stage against libcmark-gfm itself, on the GFM spec's examples.
///
/// Debian's library is older than the spec files, so the reference is what the library renders, not the
/// spec's expected HTML. Our documented additions are removed before comparing: heading ids and
/// self-links. Examples using `[[` (our wiki links) are left out.
@Suite struct ConformanceTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var file: String
        var number: Int
        var markdown: String
        var testDescription: String { "\(file) example \(number)" }
    }

    static let examples: [Example] = ["gfm-spec.txt", "gfm-extensions.txt", "gfm-regression.txt"].flatMap(load)

    static func load(_ name: String) -> [Example] {
        let url = TestSite.fixtures.appendingPathComponent("conformance").appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var markdown: [Substring] = []
        var state = 0  // 0 outside, 1 markdown, 2 html
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(fence + " example") {
                state = 1
                markdown = []
            } else if state == 1 && line == "." {
                state = 2
            } else if state != 0 && line == fence {
                let source = markdown.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t")
                examples.append(Example(file: name, number: examples.count + 1, markdown: source + (markdown.isEmpty ? "" : "\n")))
                state = 0
            } else if state == 1 {
                markdown.append(line)
            }
        }
        return examples
    }

    static let harness = MarkdownHarness(terms: [])

    /// Removes what the stage adds on purpose: heading ids and self-links, the box around tables, and local
    /// URLs written from the site root (the harness page is in `articles/`; "/x" is the content folder's).
    static func withoutAdditions(_ html: String) -> String {
        html.replacing(/<h([1-6]) id="[^"]*">/) { "<h\($0.output.1)>" }
            .replacing(" href=\"../articles/", with: " href=\"").replacing(" src=\"../articles/", with: " src=\"")
            .replacing(" href=\"../", with: " href=\"/").replacing(" src=\"../", with: " src=\"/")
            .replacing(/<a class="anchor" href="#[^"]*" aria-label="[^"]*">#<\/a><\/h/) { _ in "</h" }
            .replacing("<div class=\"table-wrap\">\n<table>", with: "<table>")
            .replacing("</table>\n</div>\n", with: "</table>\n")
    }

    @Test func examplesWereFound() {
        #expect(Self.examples.count > 700)
    }

    @Test(arguments: examples.filter { !$0.markdown.contains("[[") })
    func matchesTheLibrary(_ example: Example) {
        let ours = Self.withoutAdditions(Self.harness.html(example.markdown))
        let reference = CommonMark.referenceHTML(example.markdown)
        #expect(ours == reference)
    }

    /// The library's own command renders each example in a process of its own: the reference for the
    /// special-character table being pinned (see `CommonMark.registered`). Footnotes are left out: Debian's
    /// command has no option for them.
    static func commandLineHTML(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The stage's worker processes parse at the same time as this one; each example goes through four
    /// processes, and every result must equal the library's command (a special-character table cleared
    /// mid-parse shows up as a lost autolink or strikethrough). The in-process path is checked the same way.
    @Test func parallelParsesMatchTheCommandLineTool() throws {
        let examples = Self.examples.filter { !$0.markdown.contains("[[") && !$0.markdown.contains("[^") }
        let expected = try examples.map { try Self.commandLineHTML($0.markdown) }
        let rounds = 24
        let documents = (0..<examples.count * rounds).map { index in
            Self.harness.document(examples[index % examples.count].markdown, slug: "example-\(index)")
        }
        let (viaWorkers, report) = MarkdownStage.render(documents, site: Self.harness.site, processes: 4)
        #expect(report == MarkdownStage.Report(workerShares: 3, recoveredShares: 0))
        let (inProcess, _) = MarkdownStage.render(documents, site: Self.harness.site, processes: 1)
        for (name, bodies) in [("worker processes", viaWorkers), ("threads", inProcess)] {
            let mismatches = bodies.indices.filter { Self.withoutAdditions(bodies[$0].html) != expected[$0 % examples.count] }
            #expect(examples.count > 650)
            #expect(
                mismatches.isEmpty, "\(name) differ from cmark-gfm: \(mismatches.map { examples[$0 % examples.count].testDescription })")
        }
    }
}
