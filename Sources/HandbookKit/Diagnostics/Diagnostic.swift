/// How bad a diagnostic is.
public enum Severity: String, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in the input, at a file location, with a stable identifier.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A stable identifier such as `unknown-field`, printed in brackets.
    public var id: String

    public init(_ severity: Severity, _ id: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.id = id
        self.location = location
        self.message = message
    }

    public static func error(_ id: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, id, at: location, message)
    }

    public static func warning(_ id: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, id, at: location, message)
    }

    /// The replacement the message suggests, if any ("did you mean 'aliases'?" -> "aliases").
    public var suggestion: String? { Suggestion.offered(in: message) }

    /// `path:line:col: error: message [id]`
    public var formatted: String {
        "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message) [\(id)]"
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by path, line, column, then message, without duplicates: the order they are printed in.
    public func sortedForOutput() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }
            .sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// "2 errors, 1 warning" — the closing line of a run.
    public var summaryLine: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errorCount, "error")), \(plural(warningCount, "warning"))"
    }
}

/// Carried in `Result` by stages that stop at their first problem.
extension Diagnostic: Error {}
