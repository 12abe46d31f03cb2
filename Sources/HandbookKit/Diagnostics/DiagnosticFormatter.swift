/// How diagnostics are written: for a person (the default), for GitHub Actions, or for tools.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// `path:line:col: error: message [id]`, coloured when asked.
    case human
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, shown as annotations.
    case github
    /// One JSON object per line: path, line, column, severity, id, message and, if any, suggestion.
    case json
}

/// Turns diagnostics into text in one format. The command line chooses the format and prints; nothing here prints.
public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// ANSI colours in the human format (the caller decides: a terminal, and `NO_COLOR` unset).
    public var colour: Bool

    public init(_ format: DiagnosticFormat, colour: Bool = false) {
        self.format = format
        self.colour = colour && format == .human
    }

    /// One diagnostic, without the newline.
    public func line(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        switch format {
        case .human:
            guard colour else { return diagnostic.formatted }
            let severity = diagnostic.severity == .error ? "\u{1B}[1;31merror:" : "\u{1B}[1;35mwarning:"
            return "\u{1B}[1m\(location.path):\(location.line):\(location.column): \(severity)\u{1B}[0m \(diagnostic.message) "
                + "\u{1B}[2m[\(diagnostic.id)]\u{1B}[0m"
        case .github:
            let properties = [
                "file=\(Self.escapeProperty(location.path))", "line=\(location.line)", "col=\(location.column)",
                "title=\(Self.escapeProperty(diagnostic.id))",
            ]
            return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(Self.escapeData(diagnostic.message))"
        case .json:
            var fields = [
                ("path", JSONText.string(location.path)), ("line", "\(location.line)"), ("column", "\(location.column)"),
                ("severity", JSONText.string(diagnostic.severity.rawValue)), ("id", JSONText.string(diagnostic.id)),
                ("message", JSONText.string(diagnostic.message)),
            ]
            if let suggestion = diagnostic.suggestion { fields.append(("suggestion", JSONText.string(suggestion))) }
            return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }
    }

    /// A failure that stopped the run before it could report on content (exit 2): no file location.
    public func failure(_ message: String) -> String {
        switch format {
        case .human: colour ? "\u{1B}[1;31merror:\u{1B}[0m \(message)" : "error: \(message)"
        case .github: "::error title=handbook::\(Self.escapeData(message))"
        case .json: "{\"severity\":\"error\",\"id\":\"failure\",\"message\":\(JSONText.string(message))}"
        }
    }

    /// The lines after the diagnostics: the count, then `verdict` when the run failed. None in JSON, whose
    /// every line is a diagnostic; the exit code says the rest.
    public func closing(_ diagnostics: [Diagnostic], verdict: String?) -> [String] {
        guard format != .json else { return [] }
        return (diagnostics.isEmpty ? [] : [diagnostics.summaryLine]) + (verdict.map { [$0] } ?? [])
    }

    /// GitHub's escaping of a command's message (actions/toolkit `escapeData`).
    static func escapeData(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// GitHub's escaping of a property value (actions/toolkit `escapeProperty`): also `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingColonsAndCommas()
    }
}

extension String {
    fileprivate func replacingColonsAndCommas() -> String {
        var result = ""
        for character in unicodeScalars {
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// JSON string literals, written by hand so a line's fields keep the documented order.
enum JSONText {
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
