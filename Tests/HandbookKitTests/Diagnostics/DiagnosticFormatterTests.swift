import Foundation
import Testing

@testable import HandbookKit

/// The three diagnostic formats, to the character: human (plain and coloured), GitHub workflow commands, JSON lines.
@Suite struct DiagnosticFormatterTests {
    static let typo = Diagnostic.error(
        "unknown-field", at: SourceLocation(path: "content/terms/pandas.md", line: 5, column: 1),
        "unknown field 'alias'; did you mean 'aliases'?")
    static let unused = Diagnostic.warning(
        "unused-term", at: SourceLocation(path: "content/terms/django.md", line: 2, column: 8),
        "term 'Django' is mentioned nowhere: no page names it and no role or company uses it")
    /// Everything GitHub's format must escape: % CR LF in the message, and also , and : in properties.
    static let awkward = Diagnostic.error(
        "yaml-syntax", at: SourceLocation(path: "content/a,b:c%d.md", line: 3, column: 7), "50% done\r\nnext line: \"quoted\" \\ \u{1}")

    @Test func humanIsTheClassicCompilerLine() {
        let formatter = DiagnosticFormatter(.human)
        #expect(
            formatter.line(Self.typo)
                == "content/terms/pandas.md:5:1: error: unknown field 'alias'; did you mean 'aliases'? [unknown-field]")
        #expect(formatter.failure("content folder 'x' does not exist") == "error: content folder 'x' does not exist")
        #expect(formatter.closing([Self.typo, Self.unused], verdict: "check failed") == ["1 error, 1 warning", "check failed"])
        #expect(formatter.closing([], verdict: nil) == [])
    }

    @Test func humanColoursOnlyWhenAsked() {
        let formatter = DiagnosticFormatter(.human, colour: true)
        #expect(
            formatter.line(Self.typo)
                == "\u{1B}[1mcontent/terms/pandas.md:5:1: \u{1B}[1;31merror:\u{1B}[0m unknown field 'alias'; did you mean 'aliases'? "
                + "\u{1B}[2m[unknown-field]\u{1B}[0m")
        #expect(formatter.line(Self.unused).hasPrefix("\u{1B}[1mcontent/terms/django.md:2:8: \u{1B}[1;35mwarning:\u{1B}[0m term"))
        #expect(DiagnosticFormatter(.github, colour: true).colour == false)
    }

    @Test func githubWritesWorkflowCommands() {
        let formatter = DiagnosticFormatter(.github)
        #expect(
            formatter.line(Self.typo)
                == "::error file=content/terms/pandas.md,line=5,col=1,title=unknown-field::unknown field 'alias'; did you mean 'aliases'?")
        #expect(
            formatter.line(Self.unused)
                == "::warning file=content/terms/django.md,line=2,col=8,title=unused-term::term 'Django' is mentioned nowhere: "
                + "no page names it and no role or company uses it")
        #expect(
            formatter.line(Self.awkward)
                == "::error file=content/a%2Cb%3Ac%25d.md,line=3,col=7,title=yaml-syntax::50%25 done%0D%0Anext line: \"quoted\" \\ \u{1}")
        #expect(formatter.failure("cannot write\nthe site: 100%") == "::error title=handbook::cannot write%0Athe site: 100%25")
        #expect(formatter.closing([Self.typo], verdict: "check failed") == ["1 error, 0 warnings", "check failed"])
    }

    @Test func jsonWritesOneObjectPerLineInADocumentedOrder() throws {
        let formatter = DiagnosticFormatter(.json)
        #expect(
            formatter.line(Self.typo)
                == #"{"path":"content/terms/pandas.md","line":5,"column":1,"severity":"error","id":"unknown-field","#
                + #""message":"unknown field 'alias'; did you mean 'aliases'?","suggestion":"aliases"}"#)
        #expect(
            formatter.line(Self.awkward)
                == #"{"path":"content/a,b:c%d.md","line":3,"column":7,"severity":"error","id":"yaml-syntax","#
                + #""message":"50% done\r\nnext line: \"quoted\" \\ \u0001"}"#)
        #expect(formatter.failure("no \"site.yml\"") == #"{"severity":"error","id":"failure","message":"no \"site.yml\""}"#)
        #expect(formatter.closing([Self.typo], verdict: "check failed") == [])
        for diagnostic in [Self.typo, Self.unused, Self.awkward] {
            let parsed = try #require(
                try JSONSerialization.jsonObject(with: Data(formatter.line(diagnostic).utf8)) as? [String: Any])
            #expect(parsed["message"] as? String == diagnostic.message)
            #expect(parsed["path"] as? String == diagnostic.location.path)
            #expect(parsed["line"] as? Int == diagnostic.location.line)
        }
    }

    @Test(arguments: [
        ("unknown field 'alias'; did you mean 'aliases'?", "aliases"),
        ("unknown category 'libary'; did you mean 'library'? (one of: language, library)", "library"),
        ("file name 'Hiring_Guide' is not a valid slug; rename it to 'hiring-guide.md'", "hiring-guide.md"),
        ("term 'Django' is mentioned nowhere", nil),
    ])
    func suggestionsAreReadFromTheMessage(_ message: String, _ suggestion: String?) {
        #expect(Diagnostic.error("x", at: SourceLocation(path: "p"), message).suggestion == suggestion)
    }
}
