import ArgumentParser
import Foundation
import HandbookKit

/// Options both subcommands take.
struct SharedOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content = "content"

    @Option(name: .long, help: "The templates folder (Mustache files and assets/).")
    var templates = "templates"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Read content through symbolic links that lead outside the content folder.")
    var followSymlinks = false
}

/// Exit codes: 0 success, 1 content errors (or warnings with --strict), 2 usage, configuration or I/O errors.
enum Runner {
    static func run(_ options: BuildOptions, quiet: Bool, verbose: Bool) throws {
        let report: BuildReport
        do {
            report = try Build.run(options)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        var stderr = ""
        for diagnostic in report.diagnostics { stderr += diagnostic.formatted + "\n" }
        if !report.diagnostics.isEmpty { stderr += report.diagnostics.summaryLine + "\n" }
        if report.failed { stderr += options.writeOutput ? "build failed; the previous output was left as it was\n" : "check failed\n" }
        if verbose {
            for (stage, seconds) in report.stageTimes {
                stderr += "  " + stage.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%8.3f s\n", seconds)
            }
        }
        FileHandle.standardError.write(Data(stderr.utf8))
        if report.failed { throw ExitCode(1) }
        if !quiet { print(report.summaryLine) }
    }
}
