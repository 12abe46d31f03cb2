import ArgumentParser
import Foundation
import HandbookKit

/// Runs a build or a check and reports it. Exit codes: 0 success, 1 content errors (or warnings with --strict),
/// 2 usage, configuration or I/O errors.
enum Runner {
    /// Progress shows only on a terminal, without `--quiet`, once a build has run for `progressDelay`.
    static func run(
        _ options: BuildOptions, format: DiagnosticFormat, quiet: Bool, verbose: Bool, progressDelay: Duration = .seconds(1)
    ) throws {
        let formatter = DiagnosticFormatter(format, colour: Terminal.colours)
        var options = options
        let progress = Terminal.isTerminal && !quiet ? ProgressLine(delay: progressDelay, write: Terminal.writeError) : nil
        if let progress { options.progress = { progress.update($0) } }
        let report: BuildReport
        do {
            report = try Build.run(options)
            progress?.finish()
        } catch {
            progress?.finish()
            Terminal.writeError(formatter.failure(error.description) + "\n")
            throw ExitCode(2)
        }
        var stderr = ""
        for diagnostic in report.diagnostics { stderr += formatter.line(diagnostic) + "\n" }
        let verdict = options.writeOutput ? "build failed; the previous output was left as it was" : "check failed"
        for line in formatter.closing(report.diagnostics, verdict: report.failed ? verdict : nil) { stderr += line + "\n" }
        if verbose && format != .json {
            for note in report.notes { stderr += "  note: \(note)\n" }
            for (stage, seconds, cpu) in report.stageTimes {
                stderr +=
                    "  " + stage.padding(toLength: 20, withPad: " ", startingAt: 0)
                    + String(format: "%8.3f s %8.3f s cpu  %4.1f cores\n", seconds, cpu, seconds > 0 ? cpu / seconds : 0)
            }
        }
        Terminal.writeError(stderr)
        if report.failed { throw ExitCode(1) }
        if !quiet { print(report.summaryLine) }
    }
}
