import Foundation
import Testing

/// `--format human|github|json` on build and check, as CI and editors read them, and colour only on a terminal.
@Suite struct FormatTests {
    typealias Sandbox = CLITests.Sandbox

    static let article = "---\ntitle: Intro\nsumary: Start here.\n---\nWe use Django.\n\n![Chart](img/chrat.png)\n"

    static func sandbox() throws -> Sandbox {
        try Sandbox([
            "content/site.yml": CLITests.site, "content/terms/django.md": CLITests.term, "content/articles/intro.md": article,
            "content/articles/img/chart.png": "png",
        ])
    }

    @Test func githubAnnotationsPointAtTheRightLineAndColumn() throws {
        let sandbox = try Self.sandbox()
        let run = try sandbox.run(["check", "--templates", sandbox.templates, "--format", "github"])
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                ::warning file=content/articles/intro.md,line=3,col=1,title=unknown-field::unknown field 'sumary'; did you mean 'summary'?
                ::error file=content/articles/intro.md,line=7,col=10,title=missing-file::image from a missing file 'img/chrat.png'; did you mean 'img/chart.png'?
                1 error, 1 warning
                check failed

                """)
        // Each annotation's line and column land on what it is about.
        let lines = Self.article.split(separator: "\n", omittingEmptySubsequences: false)
        func text(at line: Int, _ column: Int) -> Substring { lines[line - 1].dropFirst(column - 1) }
        #expect(text(at: 3, 1).hasPrefix("sumary:"))
        #expect(text(at: 7, 10).hasPrefix("img/chrat.png)"))
    }

    @Test func buildTakesTheFormatToo() throws {
        let sandbox = try Self.sandbox()
        let run = try sandbox.run(["build", "--templates", sandbox.templates, "--format", "github"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("::warning file=content/articles/intro.md,line=3,col=1,title=unknown-field::"))
        #expect(run.stderr.hasSuffix("1 error, 1 warning\nbuild failed; the previous output was left as it was\n"))
    }

    @Test func jsonIsOneObjectPerLineAndNothingElse() throws {
        let sandbox = try Self.sandbox()
        let run = try sandbox.run(["check", "--templates", sandbox.templates, "--format", "json"])
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                {"path":"content/articles/intro.md","line":3,"column":1,"severity":"warning","id":"unknown-field","message":"unknown field 'sumary'; did you mean 'summary'?","suggestion":"summary"}
                {"path":"content/articles/intro.md","line":7,"column":10,"severity":"error","id":"missing-file","message":"image from a missing file 'img/chrat.png'; did you mean 'img/chart.png'?","suggestion":"img/chart.png"}

                """)
        for line in run.stderr.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
        }
    }

    @Test func failuresBeforeContentFollowTheFormat() throws {
        let json = try Sandbox([:]).run(["build", "--content", "nowhere", "--format", "json"])
        #expect(json.status == 2)
        #expect(json.stderr == #"{"severity":"error","id":"failure","message":"content folder 'nowhere' does not exist"}"# + "\n")
        let github = try Sandbox([:]).run(["check", "--content", "nowhere", "--format", "github"])
        #expect(github.status == 2)
        #expect(github.stderr == "::error title=handbook::content folder 'nowhere' does not exist\n")
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let run = try Sandbox([:]).run(["check", "--format", "xml"])
        #expect(run.status == 2)
        #expect(
            run.stderr.hasPrefix(
                "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'human', 'github' or 'json'."))
    }

    @Test func humanTextIsPlainThroughAPipe() throws {
        let sandbox = try Self.sandbox()
        let run = try sandbox.run(["check", "--templates", sandbox.templates])
        #expect(
            run.stderr.hasPrefix(
                "content/articles/intro.md:3:1: warning: unknown field 'sumary'; did you mean 'summary'? [unknown-field]\n"))
        #expect(!run.stderr.contains("\u{1B}"))
    }

    @Test(.enabled(if: Terminal.available)) func humanTextIsColouredOnATerminalUnlessNoColor() throws {
        let sandbox = try Self.sandbox()
        let coloured = try Terminal.run(sandbox, ["check", "--templates", sandbox.templates])
        #expect(coloured.contains("\u{1B}[1mcontent/articles/intro.md:7:10: \u{1B}[1;31merror:\u{1B}[0m image from a missing file"))
        let plain = try Terminal.run(sandbox, ["check", "--templates", sandbox.templates], environment: ["NO_COLOR": "1"])
        #expect(plain.contains("content/articles/intro.md:3:1: warning: unknown field 'sumary'"))
        #expect(!plain.contains("\u{1B}["))
        let github = try Terminal.run(sandbox, ["check", "--templates", sandbox.templates, "--format", "github"])
        #expect(github.contains("::warning file=content/articles/intro.md,line=3,col=1,title=unknown-field::"))
        #expect(!github.contains("\u{1B}["))
    }
}

/// Runs the command line on a pseudo-terminal through util-linux's `script`, which Debian always has.
enum Terminal {
    static let script = "/usr/bin/script"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: script) }

    /// Everything the command wrote to the terminal (stdout and stderr together, CRLF line ends).
    static func run(_ sandbox: CLITests.Sandbox, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let command = ([CLITests.executable.path] + arguments).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }
            .joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qefc", command, "/dev/null"]
        process.currentDirectoryURL = sandbox.root
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = nil
        merged["TERM"] = "xterm"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
