import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the command line knows about where its stderr goes.
enum Terminal {
    /// stderr is a terminal (not a pipe, a file or CI's log).
    static let isTerminal = isatty(STDERR_FILENO) != 0

    /// Colours on a terminal, unless `NO_COLOR` is set to anything (no-color.org) or the terminal is dumb.
    static var colours: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
