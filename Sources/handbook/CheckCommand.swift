import ArgumentParser
import HandbookKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the content and templates; write nothing.")

    @OptionGroup var shared: SharedOptions
    @OptionGroup var reporting: ReportOptions

    func run() throws {
        let options = BuildOptions(
            content: shared.content, templates: shared.templates, strict: shared.strict, writeOutput: false,
            followSymlinks: shared.followSymlinks)
        try Runner.run(
            options, format: reporting.format, quiet: false, verbose: false, progressDelay: .seconds(reporting.progressDelay))
    }
}
