/// A Mustache template parsed once into a plan of nodes, rendered by `TemplatePlan.Renderer` against
/// `TemplateValue`s. It covers the Mustache spec's required modules (interpolation, sections, inverted sections,
/// comments, partials, set delimiters) and the transforms of swift-mustache our templates use (`empty(list)`,
/// `last()`, ...), with swift-mustache's whitespace rules: swift-mustache stays the reference, and the two
/// render every page byte for byte alike (`TemplatePlanDifferentialTests`).
///
/// Left out, so that a template using them is rendered by swift-mustache instead (`Unsupported`): lambdas,
/// inheritance (`{{<parent}}`, `{{$block}}`), dynamic partial names (`{{>*name}}`), content types other than
/// ours, and transforms beyond those `Transform` lists.
struct TemplatePlan: Sendable {
    let nodes: [Node]
    /// The partials it includes by name, for finding which templates depend on an unsupported one.
    let partials: Set<String>

    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// `indentation` is set for a standalone include: the partial's lines after its first are indented.
        case partial(String, indentation: String?)
    }

    /// A tag's name as the renderer resolves it.
    struct Name: Sendable {
        enum Root: Sendable {
            /// `{{.}}`: the current value.
            case current
            /// `{{last()}}`: the position in the list being iterated.
            case sequence
            /// `{{.title}}`: the first part on the current value only.
            case top
            /// `{{title}}`: the first part on the nearest value that has it.
            case stack
        }

        var root: Root
        var parts: [String]
        /// In the order they apply, from the inside out: `a(b(x))` applies `b`, then `a`.
        var transforms: [Transform]
    }

    enum Transform: String, Sendable {
        case empty, count, first, last, index, even, odd, reversed
        case equalzero, plusone, minusone, uppercased, lowercased, capitalized
    }

    /// Why a template is not planned: it is rendered by swift-mustache.
    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `text`; throws `Unsupported` for what the plan leaves out and for syntax swift-mustache would reject.
    init(_ text: String) throws(Unsupported) {
        var parser = Parser(Array(text))
        var partials: Set<String> = []
        nodes = try parser.parse(State(), partials: &partials)
        self.partials = partials
    }
}

extension TemplatePlan {
    /// The parser follows swift-mustache's own, line by line: text is cut at line ends, a line holding only a
    /// section, comment, partial or delimiter tag (and blanks) renders nothing of its own, and the blanks before
    /// a standalone partial indent it.
    fileprivate struct State {
        var section: (name: String, transforms: [String])?
        var newLine = true
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
    }

    fileprivate struct Parser {
        let characters: [Character]
        var position = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { position >= characters.count }
        /// The current character, "\0" at the end (as swift-mustache's parser answers).
        var current: Character { atEnd ? "\0" : characters[position] }

        mutating func read(while accept: (Character) -> Bool) -> String {
            let start = position
            while !atEnd, accept(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }

        mutating func read(_ string: [Character]) -> Bool {
            guard position + string.count <= characters.count, Array(characters[position..<position + string.count]) == string else {
                return false
            }
            position += string.count
            return true
        }

        static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
        static let partialCharacters = nameCharacters.union(["/"])
        static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

        mutating func parse(_ entry: State, partials: inout Set<String>) throws(Unsupported) -> [Node] {
            var nodes: [Node] = []
            var state = entry
            var blanks = ""
            while !atEnd {
                if state.newLine { blanks = read(while: Self.isBlank) }
                let text = readText(state)
                if current.isNewline, !atEnd {
                    nodes.append(.text(blanks + text + String(current)))
                    state.newLine = true
                    position += 1
                    continue
                }
                if !text.isEmpty {
                    nodes.append(.text(blanks + text))
                    blanks = ""
                    state.newLine = false
                }
                if atEnd { break }
                // Any blanks before a tag that is not standalone are text.
                func flushBlanks() {
                    if !blanks.isEmpty {
                        nodes.append(.text(blanks))
                        blanks = ""
                    }
                }
                var standalone = false
                switch current {
                case "#", "^":
                    let inverted = current == "^"
                    position += 1
                    let (name, transforms) = try readName(state)
                    standalone = isStandalone(state)
                    if !standalone { flushBlanks() }
                    var inner = state
                    inner.section = (name, transforms)
                    if !standalone { inner.newLine = false }
                    let body = try parse(inner, partials: &partials)
                    nodes.append(.section(try Self.resolve(name, transforms), body, inverted: inverted))
                case "/":
                    position += 1
                    let (name, transforms) = try readName(state)
                    guard let section = state.section, section.name == name, section.transforms == transforms else {
                        throw Unsupported(description: "a section is closed with a different name than it was opened")
                    }
                    if !isStandalone(state) { flushBlanks() }
                    return nodes
                case "!":
                    position += 1
                    try skipComment(state)
                    standalone = isStandalone(state)
                case "{":
                    flushBlanks()
                    position += 1
                    let (name, transforms) = try readName(state)
                    guard current == "}" else { throw Unsupported(description: "a tag is not closed with '}}}'") }
                    position += 1
                    nodes.append(.variable(try Self.resolve(name, transforms), escaped: false))
                case "&":
                    flushBlanks()
                    position += 1
                    let (name, transforms) = try readName(state)
                    nodes.append(.variable(try Self.resolve(name, transforms), escaped: false))
                case ">":
                    position += 1
                    _ = read(while: \.isWhitespace)
                    if current == "*" { throw Unsupported(description: "dynamic partial names ({{>*name}})") }
                    let name = read(while: Self.partialCharacters.contains)
                    _ = read(while: \.isWhitespace)
                    guard read(state.close) else { throw Unsupported(description: "a tag is not closed") }
                    let indentation = blanks
                    flushBlanks()
                    standalone = isStandalone(state)
                    nodes.append(.partial(name, indentation: standalone ? indentation : nil))
                    partials.insert(name)
                case "<", "$":
                    throw Unsupported(description: "template inheritance ({{<parent}}, {{$block}})")
                case "=":
                    position += 1
                    try setDelimiters(&state)
                    standalone = isStandalone(state)
                case "%":
                    position += 1
                    try readPragma(state)
                    standalone = isStandalone(state)
                default:
                    flushBlanks()
                    let (name, transforms) = try readName(state)
                    nodes.append(.variable(try Self.resolve(name, transforms), escaped: true))
                }
                state.newLine = standalone
            }
            if state.section != nil { throw Unsupported(description: "a section is never closed") }
            return nodes
        }

        /// Text up to the next opening delimiter (consumed) or line end (not consumed).
        mutating func readText(_ state: State) -> String {
            var text = ""
            while !atEnd {
                let character = characters[position]
                if character == "\n" || character == "\r\n" { break }
                if character == state.open[0], read(state.open) { break }
                text.append(character)
                position += 1
            }
            return text
        }

        /// Whether the tag just read ends its line (only blanks after it), which it then consumes, and began it.
        mutating func isStandalone(_ state: State) -> Bool {
            guard state.newLine else { return false }
            if atEnd { return true }
            var ahead = position
            while ahead < characters.count, Self.isBlank(characters[ahead]) { ahead += 1 }
            guard ahead < characters.count, characters[ahead].isNewline else { return false }
            position = ahead + 1
            return true
        }

        mutating func readName(_ state: State) throws(Unsupported) -> (String, [String]) {
            _ = read(while: \.isWhitespace)
            let text = read(while: Self.nameCharacters.contains)
            _ = read(while: \.isWhitespace)
            guard read(state.close) else { throw Unsupported(description: "a tag is not closed with '\(String(state.close))'") }
            // `a(b(name))`: transforms a, b, then the name.
            guard text.contains("(") else { return (text, []) }
            var transforms: [String] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "(") {
                transforms.append(String(rest[..<open]))
                rest = rest[rest.index(after: open)...]
            }
            let name = rest.prefix { $0 != ")" }
            guard rest.dropFirst(name.count).allSatisfy({ $0 == ")" }), rest.count - name.count == transforms.count,
                !name.contains("(")
            else { throw Unsupported(description: "a transform's brackets do not match") }
            return (String(name), transforms)
        }

        static func resolve(_ text: String, _ transforms: [String]) throws(Unsupported) -> Name {
            var planned: [Transform] = []
            for name in transforms.reversed() {
                guard let transform = Transform(rawValue: name) else { throw Unsupported(description: "the transform '\(name)'") }
                planned.append(transform)
            }
            let parts = text.split(separator: ".").map(String.init)
            if text == "." { return Name(root: .current, parts: [], transforms: planned) }
            if text.isEmpty, !planned.isEmpty { return Name(root: .sequence, parts: [], transforms: planned) }
            if text.first == "." { return Name(root: .top, parts: parts, transforms: planned) }
            return Name(root: .stack, parts: parts, transforms: planned)
        }

        mutating func skipComment(_ state: State) throws(Unsupported) {
            while !atEnd {
                if characters[position] == state.close[0], read(state.close) { return }
                position += 1
            }
            throw Unsupported(description: "a comment is never closed")
        }

        mutating func setDelimiters(_ state: inout State) throws(Unsupported) {
            _ = read(while: \.isWhitespace)
            let open = read { !$0.isWhitespace }
            _ = read(while: \.isWhitespace)
            let close = read { $0 != "=" && !$0.isWhitespace }
            _ = read(while: \.isWhitespace)
            guard !atEnd, current == "=", !open.isEmpty, !close.isEmpty else { throw Unsupported(description: "invalid set-delimiter tag") }
            position += 1
            guard read(state.close) else { throw Unsupported(description: "invalid set-delimiter tag") }
            state.open = Array(open)
            state.close = Array(close)
        }

        /// `{{% CONTENT_TYPE: HANDBOOK_HTML }}`, which every template starts with, escapes as the plan always does.
        mutating func readPragma(_ state: State) throws(Unsupported) {
            let content = read { $0 != state.close[0] }
            guard read(state.close) else { throw Unsupported(description: "a pragma is not closed") }
            let words = content.split { $0 == ":" || $0.isWhitespace }
            guard words == ["CONTENT_TYPE", Substring(TemplateSet.Escaping.name)] else {
                throw Unsupported(description: "the pragma '\(content.trimmingCharacters(in: .whitespaces))'")
            }
        }
    }
}
