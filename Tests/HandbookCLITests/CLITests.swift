import Foundation
import Testing

/// The command line as a user meets it: exit codes, stderr text with temporary paths redacted, stdout.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `handbook` executable, next to the test bundle.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory = directory.deletingLastPathComponent() }
        return directory.appendingPathComponent("handbook")
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A temporary site folder holding `files` (relative to it) and a copy-free pointer to the real templates.
    final class Sandbox {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-cli-\(UUID().uuidString)")

        init(_ files: [String: String]) throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func run(_ arguments: [String]) throws -> Run {
            let process = Process()
            process.executableURL = CLITests.executable
            process.arguments = arguments
            process.currentDirectoryURL = root
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let redact = { (data: Data) in String(decoding: data, as: UTF8.self).replacingOccurrences(of: self.root.path, with: "$TMP") }
            return Run(status: process.terminationStatus, stdout: redact(stdout), stderr: redact(stderr))
        }

        var templates: String { CLITests.repository.appendingPathComponent("templates").path }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }
    }

    static let site = "title: CLI Handbook\n"
    static let term = "---\ntitle: Django\nsummary: A web framework.\ncategory: framework\n---\nDjango.\n"
    static let article = "---\ntitle: Intro\nsummary: Start here.\n---\nWe use Django.\n"

    @Test func buildSucceedsWithOneSummaryLine() throws {
        let sandbox = try Sandbox([
            "content/site.yml": Self.site, "content/terms/django.md": Self.term, "content/articles/intro.md": Self.article,
        ])
        let run = try sandbox.run(["build", "--templates", sandbox.templates])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.hasPrefix("Built 1 article, 1 term, 0 roles, 0 companies, "))
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(sandbox.exists("public/index.html"))
        #expect(sandbox.exists("public/assets/search.js"))
        let quiet = try sandbox.run(["build", "--templates", sandbox.templates, "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout == "")
    }

    @Test func contentErrorsExitOneWithEveryDiagnosticAndACount() throws {
        let sandbox = try Sandbox([
            "content/site.yml": Self.site, "content/terms/django.md": Self.term,
            "content/articles/intro.md": "---\ntitle: Intro\nsumary: Start here.\n---\nSee [[Djngo]].\n",
        ])
        _ = try sandbox.run(["build", "--templates", sandbox.templates])
        let run = try sandbox.run(["build", "--templates", sandbox.templates])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(
            run.stderr == """
                content/articles/intro.md:3:1: warning: unknown field 'sumary'; did you mean 'summary'? [unknown-field]
                content/articles/intro.md:5:5: error: '[[Djngo]]' links to nothing: no page has the slug, title or alias 'Djngo'; did you mean 'Django'? [unknown-link-target]
                content/terms/django.md:2:8: warning: term 'Django' is mentioned nowhere: no page names it and no role or company uses it [unused-term]
                1 error, 2 warnings
                build failed; the previous output was left as it was

                """)
        #expect(!sandbox.exists("public"))
    }

    @Test func checkAgreesWithBuildAndWritesNothing() throws {
        let sandbox = try Sandbox(["content/site.yml": Self.site, "content/terms/django.md": Self.term])
        let check = try sandbox.run(["check", "--templates", sandbox.templates])
        #expect(check.status == 0)
        #expect(check.stderr.hasPrefix("content/terms/django.md:2:8: warning: term 'Django' is mentioned nowhere"))
        #expect(!sandbox.exists("public"))
        let strict = try sandbox.run(["check", "--templates", sandbox.templates, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasSuffix("0 errors, 1 warning\ncheck failed\n"))
    }

    @Test(arguments: [["bogus"], ["build", "--nope"], ["check", "--output", "x"], ["build", "--content"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let run = try Sandbox([:]).run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: "))
    }

    @Test func aMissingContentFolderExitsTwo() throws {
        let run = try Sandbox([:]).run(["build", "--content", "nowhere"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: content folder 'nowhere' does not exist\n")
    }

    @Test func aSecondBuildOnTheSameOutputExitsTwoAtOnce() throws {
        let sandbox = try Sandbox(["content/site.yml": Self.site, "content/articles/intro.md": Self.article])
        // This test process plays the running build: it holds the lock beside the output.
        let descriptor = open(sandbox.root.appendingPathComponent(".public.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let blocked = try sandbox.run(["build", "--templates", sandbox.templates])
        #expect(blocked.status == 2)
        #expect(
            blocked.stderr
                == "error: another build is writing $TMP/public (it holds $TMP/.public.lock); wait for it to finish, "
                + "or build into another --output\n")
        #expect(!sandbox.exists("public"))
        #expect(try sandbox.run(["check", "--templates", sandbox.templates]).status == 0)
        close(descriptor)
        #expect(try sandbox.run(["build", "--templates", sandbox.templates]).status == 0)
    }

    @Test func aLinkOutOfTheContentFolderNeedsFollowSymlinks() throws {
        let sandbox = try Sandbox(["content/site.yml": Self.site, "shared/intro.md": Self.article])
        try FileManager.default.createDirectory(
            at: sandbox.root.appendingPathComponent("content/articles"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.root.appendingPathComponent("content/articles/intro.md").path, withDestinationPath: "../../shared/intro.md")
        for command in ["check", "build"] {
            let refused = try sandbox.run([command, "--templates", sandbox.templates])
            #expect(refused.status == 1)
            #expect(refused.stderr.hasPrefix("content/articles/intro.md:1:1: error: symbolic link to '"))
            #expect(refused.stderr.contains("or build with --follow-symlinks [symlink-outside-content]\n1 error, 0 warnings\n"))
            let followed = try sandbox.run([command, "--templates", sandbox.templates, "--follow-symlinks"])
            #expect(followed.status == 0)
        }
        #expect(sandbox.exists("public/articles/intro.html"))
    }

    @Test func helpListsTheSubcommands() throws {
        let run = try Sandbox([:]).run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("build") && run.stdout.contains("check") && run.stdout.contains("new"))
    }

    @Test func newSiteThenNewItemsBuildStrictFromAnyFolder() throws {
        let sandbox = try Sandbox([:])
        let site = try sandbox.run(["new", "site", "wiki"])
        #expect(site.status == 0)
        #expect(site.stdout == "Created a new site in wiki. Next: cd wiki && handbook serve\n")
        let article = try sandbox.run(["new", "article", "Sourcing on GitHub", "--content", "wiki/content"])
        #expect(article.status == 0 && article.stdout == "Created wiki/content/articles/sourcing-on-github.md\n")
        // The site's own templates (written from the binary) are all it needs.
        let build = try sandbox.run(["build", "--strict", "--content", "wiki/content", "--templates", "wiki/templates", "--output", "out"])
        #expect(build.status == 0 && build.stderr == "")
        #expect(sandbox.exists("out/articles/sourcing-on-github.html"))
    }

    /// `serve` on a free port until it prints where it listens; a busy port is exit 2; Ctrl-C stops it cleanly.
    @Test(.timeLimit(.minutes(1))) func serveStopsCleanlyOnInterruptAndABusyPortExitsTwo() throws {
        let sandbox = try Sandbox([
            "content/site.yml": Self.site, "content/terms/django.md": Self.term, "content/articles/intro.md": Self.article,
        ])
        let log = sandbox.root.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["serve", "--port", "0", "--templates", sandbox.templates]
        process.currentDirectoryURL = sandbox.root
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var output = ""
        let deadline = Date().addingTimeInterval(20)
        while !output.contains("(Ctrl-C to stop)") && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            output = String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
        }
        let port = try #require(output.firstRange(of: #/127\.0\.0\.1:(\d+)/#).map { output[$0] }?.split(separator: ":").last)
        #expect(output.hasPrefix("Built 1 article, 1 term, 0 roles, 0 companies, "))

        let busy = try sandbox.run(["serve", "--port", String(port), "--templates", sandbox.templates])
        #expect(busy.status == 2)
        #expect(busy.stderr == "error: port \(port) on 127.0.0.1 is already in use; stop the other server or pass --port\n")

        kill(process.processIdentifier, SIGINT)
        let stopBy = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stopBy { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        output = String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
        #expect(output.hasSuffix("(Ctrl-C to stop)\nStopped.\n"))
        #expect(!sandbox.exists("public"))
    }

    @Test func aSecondBuildIsTheSameAndNoCacheIsAccepted() throws {
        let sandbox = try Sandbox([
            "content/site.yml": Self.site, "content/terms/django.md": Self.term, "content/articles/intro.md": Self.article,
        ])
        let first = try sandbox.run(["build", "--templates", sandbox.templates])
        #expect(first.status == 0 && sandbox.exists(".public.cache") && !sandbox.exists("public/.public.cache"))
        let second = try sandbox.run(["build", "--templates", sandbox.templates, "--verbose"])
        #expect(second.status == 0 && second.stderr.hasPrefix("  cache: up to date"))
        #expect(second.stdout.hasPrefix("Built 1 article, 1 term, 0 roles, 0 companies, "))
        let fresh = try sandbox.run(["build", "--templates", sandbox.templates, "--no-cache", "--verbose"])
        #expect(fresh.status == 0 && fresh.stderr.hasPrefix("  load "))
    }

    @Test func newNeverOverwritesAndExitsTwo() throws {
        let sandbox = try Sandbox(["content/site.yml": Self.site, "content/terms/django.md": Self.term])
        let again = try sandbox.run(["new", "term", "Django"])
        #expect(again.status == 2)
        #expect(again.stderr == "error: content/terms/django.md already exists; it was left as it was\n")
        let nonEmpty = try sandbox.run(["new", "site", "content"])
        #expect(nonEmpty.status == 2 && nonEmpty.stderr == "error: 'content' already exists and is not empty; give a new folder\n")
        let noSite = try sandbox.run(["new", "article", "Intro", "--content", "elsewhere"])
        #expect(noSite.status == 2)
        let usage = try sandbox.run(["new", "page", "Intro"])
        #expect(usage.status == 2)
    }
}
