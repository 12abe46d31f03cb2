import Foundation
import Testing

@testable import handbook

/// Progress on a terminal only: stage and count redrawn on one line, cleared before anything else prints.
@Suite struct ProgressTests {
    static func sandbox() throws -> CLITests.Sandbox {
        var files = ["content/site.yml": CLITests.site, "content/terms/django.md": CLITests.term]
        for index in 0..<40 { files["content/articles/a\(index).md"] = "---\ntitle: A\(index)\nsummary: S.\n---\nWe use Django.\n" }
        return try CLITests.Sandbox(files)
    }

    @Test func theLineNamesTheStageAndItsCount() {
        #expect(
            ProgressLine.text(.init(stage: "Rendering pages", done: 4210, total: 12040), seconds: 3.14)
                == "Rendering pages 4210/12040 (3.1 s)")
        #expect(ProgressLine.text(.init(stage: "Checking links"), seconds: 12) == "Checking links (12.0 s)")
    }

    @Test(.enabled(if: Terminal.available)) func aTerminalSeesProgressThenAClearedLine() throws {
        let sandbox = try Self.sandbox()
        let screen = try Terminal.run(sandbox, ["build", "--templates", sandbox.templates, "--progress-delay", "0"])
        #expect(screen.hasPrefix("\r\u{1B}[2KLoading content ("))
        #expect(screen.contains("\r\u{1B}[2KRendering Markdown "))
        #expect(screen.contains("/41 ("))
        // Cleared before the summary: the summary starts a clean line.
        #expect(screen.contains("\r\u{1B}[2KBuilt 40 articles, 1 term, "))
    }

    @Test(.enabled(if: Terminal.available)) func quietMeansNoProgress() throws {
        let sandbox = try Self.sandbox()
        let screen = try Terminal.run(sandbox, ["build", "--templates", sandbox.templates, "--progress-delay", "0", "--quiet"])
        #expect(screen == "")
    }

    @Test func aPipeGetsNoProgress() throws {
        let sandbox = try Self.sandbox()
        let run = try sandbox.run(["build", "--templates", sandbox.templates, "--progress-delay", "0"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let check = try sandbox.run(["check", "--templates", sandbox.templates, "--progress-delay", "0"])
        #expect(check.stderr == "")
    }

    @Test(.enabled(if: Terminal.available)) func aShortBuildShowsNothing() throws {
        let sandbox = try Self.sandbox()
        let screen = try Terminal.run(sandbox, ["build", "--templates", sandbox.templates, "--progress-delay", "60"])
        #expect(screen.hasPrefix("Built 40 articles"))
    }
}
