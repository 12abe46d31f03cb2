import ArgumentParser
import HandbookKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Validate the content and write the site into the output folder.")

    @OptionGroup var shared: SharedOptions
    @OptionGroup var reporting: ReportOptions

    @Option(name: .long, help: "The output folder, replaced only when the build succeeds.")
    var output = "public"

    @Flag(name: .long, help: "Include articles marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    @Flag(name: .long, help: "Print the time each stage took.")
    var verbose = false

    @Flag(name: .long, help: "Build everything afresh, ignoring the cache beside the output folder.")
    var noCache = false

    func run() throws {
        var options = BuildOptions(
            content: shared.content, templates: shared.templates, output: output, includeDrafts: drafts, strict: shared.strict,
            followSymlinks: shared.followSymlinks)
        options.useCache = !noCache
        try Runner.run(
            options, format: reporting.format, quiet: quiet, verbose: verbose,
            progressDelay: .seconds(reporting.progressDelay))
    }
}
