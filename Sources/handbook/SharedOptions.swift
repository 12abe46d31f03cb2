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

/// How `build` and `check` write diagnostics.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Diagnostics as human text, GitHub Actions annotations (github) or JSON lines (json).")
    var format: DiagnosticFormat = .human
}

extension DiagnosticFormat: ExpressibleByArgument {}
