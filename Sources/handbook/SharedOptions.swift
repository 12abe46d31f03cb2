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

/// How `build` and `check` report: the diagnostics' format, and when progress appears on a terminal.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Diagnostics as human text, GitHub Actions annotations (github) or JSON lines (json).")
    var format: DiagnosticFormat = .human

    /// Seconds before progress shows on a terminal; tests set 0 to see it on a small site.
    @Option(name: .long, help: .hidden)
    var progressDelay = 1.0
}

extension DiagnosticFormat: ExpressibleByArgument {}
