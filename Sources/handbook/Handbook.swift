import ArgumentParser
import Foundation
import HandbookKit

@main
struct Handbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a searchable static handbook from Markdown and typed YAML records.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self])

    /// As ParsableCommand's, except that usage errors exit with 2, not 64 (DESIGN: 0, 1 content, 2 usage/config/I/O).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
