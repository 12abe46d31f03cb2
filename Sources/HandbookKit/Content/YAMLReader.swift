import Foundation
import Yams

/// Reads a YAML mapping into typed fields, turning every problem into a diagnostic at its file location.
///
/// The reader knows the schema of one record kind: it reports unknown keys (with a "did you mean"),
/// missing required fields and wrong types, and never throws.
struct YAMLReader {
    let file: SourceFile
    /// Added to Yams' 1-based line numbers: the line of the opening `---` (0 for a plain YAML file).
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []
    private var fields: [String: Node] = [:]
    /// Where each field's key was written.
    private(set) var keyLocations: [String: SourceLocation] = [:]
    private let mappingLocation: SourceLocation

    /// Parses `yaml` as a mapping with the given schema; a syntax error or a non-mapping is a diagnostic.
    /// `knownFields` nil takes any field and reports none as unknown: a wiki's pages carry keys of other tools.
    static func parse(yaml: String, file: SourceFile, lineOffset: Int, knownFields: [String]?) -> Result<YAMLReader, Diagnostic> {
        // Missing fields are reported at the opening `---` (line 1), or line 1 of a plain YAML file.
        let start = file.location(line: max(lineOffset, 1))
        let root: Node?
        do {
            // UTF-8 named, not `.default`: that one reads the whole process environment on every call.
            root = try Yams.compose(yaml: yaml, resolver, .default, .utf8)
        } catch {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        }
        guard let root, let mapping = root.mapping else {
            // An empty document's node sits on the line after the last one (found by FuzzFrontMatter).
            let place =
                root.map {
                    let found = location(of: $0, in: file, lineOffset: lineOffset, fallback: start)
                    return file.clampedLocation(line: found.line, column: found.column)
                } ?? start
            return .failure(.error("wrong-type", at: place, "expected a mapping of fields such as 'title: ...'"))
        }
        return .success(YAMLReader(mapping: mapping, file: file, lineOffset: lineOffset, at: start, knownFields: knownFields))
    }

    /// The tags the reader asks about (bool, int, null), in the order of Yams' default resolver. A plain scalar that
    /// is none of them is text: three patterns tried instead of seven, on every key and value (the regular
    /// expressions were 3% of a 10,000-article build). No field reads a float, a date or a merge key as such:
    /// they were text before and are text now.
    private static let resolver = Resolver.default.removing(.float).removing(.merge).removing(.timestamp).removing(.value)

    // MARK: Typed access

    /// Where `node` was written, in file coordinates.
    func location(of node: Node) -> SourceLocation {
        Self.location(of: node, in: file, lineOffset: lineOffset, fallback: mappingLocation)
    }

    func has(_ name: String) -> Bool { fields[name] != nil }

    /// A required text field.
    mutating func requiredString(_ name: String) -> Located<String> {
        if let value = string(name) {
            if value.value.allSatisfy(\.isWhitespace) {
                diagnostics.append(.error("missing-field", at: value.location, "'\(name)' must not be empty"))
            }
            return value
        }
        if fields[name] == nil {
            diagnostics.append(.error("missing-field", at: mappingLocation, "missing required field '\(name)'"))
        }
        return Located("", at: mappingLocation)
    }

    /// An optional text field; numbers are taken as their text, anything else is a type error.
    mutating func string(_ name: String) -> Located<String>? {
        guard let node = fields[name] else { return nil }
        return text(node, field: name)
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let node = fields[name] else { return nil }
        if node.hasTag(.bool), let value = node.bool { return value }
        typeError(node, field: name, expected: "true or false")
        return nil
    }

    mutating func int(_ name: String) -> Int? {
        guard let node = fields[name] else { return nil }
        if node.hasTag(.int), let value = node.int { return value }
        typeError(node, field: name, expected: "a whole number")
        return nil
    }

    /// A list of text items; `[]` when absent.
    mutating func strings(_ name: String, required: Bool = false) -> [Located<String>] {
        guard let node = fields[name] else {
            if required {
                diagnostics.append(.error("missing-field", at: mappingLocation, "missing required field '\(name)'"))
            }
            return []
        }
        return strings(in: node, field: name)
    }

    /// The items of a list node, each as text.
    mutating func strings(in node: Node, field: String) -> [Located<String>] {
        if node.hasTag(.null) { return [] }
        guard let sequence = node.sequence else {
            typeError(node, field: field, expected: "a list such as [a, b]")
            return []
        }
        return sequence.compactMap { text($0, field: field) }
    }

    /// One node (a list item) as text; anything else is a type error.
    mutating func string(in node: Node, field: String) -> Located<String>? { text(node, field: field) }

    /// A nested mapping read with its own schema, sharing this reader's diagnostics.
    mutating func nested(_ node: Node, field: String, knownFields: [String]) -> YAMLReader? {
        guard let mapping = node.mapping else {
            typeError(node, field: field, expected: "a mapping of fields")
            return nil
        }
        var reader = YAMLReader(
            mapping: mapping, file: file, lineOffset: lineOffset,
            at: location(of: node), knownFields: knownFields)
        diagnostics += reader.diagnostics
        reader.diagnostics = []
        return reader
    }

    /// The raw node of a field, for shapes the typed accessors do not cover.
    func node(_ name: String) -> Node? { fields[name] }

    mutating func typeError(_ node: Node, field: String, expected: String) {
        diagnostics.append(.error("wrong-type", at: location(of: node), "'\(field)' must be \(expected)"))
    }

    // MARK: Private

    private init(mapping: Node.Mapping, file: SourceFile, lineOffset: Int, at location: SourceLocation, knownFields: [String]?) {
        self.file = file
        self.lineOffset = lineOffset
        self.mappingLocation = location
        for (key, value) in mapping {
            let keyLocation = Self.location(of: key, in: file, lineOffset: lineOffset, fallback: location)
            guard let name = key.scalar?.string else {
                diagnostics.append(.error("wrong-type", at: keyLocation, "field names must be plain text"))
                continue
            }
            keyLocations[name] = keyLocation
            guard let knownFields, !knownFields.contains(name) else {
                fields[name] = value
                continue
            }
            let hint = Suggestion.suffix(for: name, in: knownFields)
            diagnostics.append(.error("unknown-field", at: keyLocation, "unknown field '\(name)'\(hint)"))
        }
    }

    private mutating func text(_ node: Node, field: String) -> Located<String>? {
        guard let scalar = node.scalar, !node.hasTag(.null) else {
            typeError(node, field: field, expected: node.sequence != nil ? "text, not a list" : "text")
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    private static func location(of node: Node, in file: SourceFile, lineOffset: Int, fallback: SourceLocation) -> SourceLocation {
        guard let mark = node.mark else { return fallback }
        return file.location(line: mark.line + lineOffset, column: mark.column)
    }

    /// A Yams parse error as a diagnostic at its place in the file.
    static func diagnostic(for error: Error, file: SourceFile, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { file.clampedLocation(line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case YamlError.scanner(_, let problem, let mark, _),
            YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return .error("yaml-syntax", at: at(mark), "invalid YAML: \(problem)")
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("yaml-syntax", at: at(context.mark), "invalid YAML: duplicate key \(keys)")
        case YamlError.reader(let problem, let offset, let value, let yaml):
            // Not Yams' description: it spans lines (a snippet and a caret) and counts libyaml's byte offset
            // as Characters.
            let place = offset.map { location(ofByte: $0, in: yaml) } ?? (line: 1, column: 1)
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return .error(
                "yaml-syntax", at: file.location(line: place.line + lineOffset, column: place.column),
                "invalid YAML: \(problem)\(character)")
        case YamlError.memory:
            return .error("yaml-syntax", at: file.location(line: lineOffset + 1), "invalid YAML: out of memory")
        default:
            return .error("yaml-syntax", at: file.location(line: lineOffset + 1), "invalid YAML: \(error)")
        }
    }

    /// 1-based line and column (in Unicode scalars) of a UTF-8 byte offset, libyaml's unit for reader errors.
    static func location(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let bytes = text.utf8.prefix(max(offset, 0))
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        // Continuation bytes (10xxxxxx) do not start a scalar.
        let column = bytes.dropFirst(lineStart).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }
}

extension Node {
    /// Whether the resolved tag is `name` (`"yes"` quoted is a string, `yes` plain a bool).
    fileprivate func hasTag(_ name: Tag.Name) -> Bool { tag.rawValue == name.rawValue }
}
