import Foundation

extension TemplatePlan {
    /// Renders plans into one string, with swift-mustache's rules: names are looked up from the innermost
    /// value out, a section iterates a list, shows for `true`, pushes any other value, and hides for nil,
    /// `false` and an empty list (an inverted section the other way round).
    struct Renderer {
        let plans: [String: TemplatePlan]
        private var stack: [TemplateValue] = []

        init(plans: [String: TemplatePlan]) { self.plans = plans }

        /// The position in the list a section iterates, which `{{first()}}`, `{{last()}}`, `{{index()}}`,
        /// `{{even()}}` and `{{odd()}}` read.
        struct Position {
            var first: Bool
            var last: Bool
            var index: Int
        }

        /// What a section or partial renders with besides the stack.
        struct Frame {
            /// Set only directly inside an iterated section: a pushed value or a partial clears it.
            var position: Position?
            /// A standalone partial's indentation, put before each line it renders after its first.
            var indentation: String?
        }

        /// Renders template `name` with `value` as its context; nil when there is no such plan.
        mutating func render(_ name: String, _ value: TemplateValue) -> String? {
            guard let plan = plans[name] else { return nil }
            var output = ""
            stack = [value]
            render(plan.nodes, Frame(), into: &output)
            stack = []
            return output
        }

        private mutating func render(_ nodes: [Node], _ frame: Frame, into output: inout String) {
            guard let indentation = frame.indentation, !indentation.isEmpty else {
                for node in nodes { render(node, frame, into: &output) }
                return
            }
            // As swift-mustache does: a node's output is indented when there is some and what this template
            // (or section) has rendered so far ends a line.
            let start = output.utf8.count
            for node in nodes {
                let before = output.utf8.count
                let newLine = before > start && output.utf8.last == UInt8(ascii: "\n")
                render(node, frame, into: &output)
                if newLine, output.utf8.count > before {
                    output.insert(contentsOf: indentation, at: output.utf8.index(output.startIndex, offsetBy: before))
                }
            }
        }

        private mutating func render(_ node: Node, _ frame: Frame, into output: inout String) {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name, let escaped):
                guard let value = lookup(name, frame.position) else { return }
                output += escaped ? HTML.escape(value.interpolated) : value.interpolated
            case .section(let name, let body, inverted: false):
                switch lookup(name, frame.position) {
                case .list(let list):
                    let count = list.count
                    for index in 0..<count {
                        let position = Position(first: index == 0, last: index == count - 1, index: index)
                        within(list.item(at: index), body, Frame(position: position, indentation: frame.indentation), into: &output)
                    }
                case .flag(let shown):
                    if shown { render(body, frame, into: &output) }
                case let value?:
                    within(value, body, Frame(indentation: frame.indentation), into: &output)
                case nil:
                    break
                }
            case .section(let name, let body, inverted: true):
                switch lookup(name, frame.position) {
                case .list(let list):
                    if list.count == 0 { within(.list(list), body, Frame(indentation: frame.indentation), into: &output) }
                case .flag(let shown):
                    if !shown { render(body, frame, into: &output) }
                case .some:
                    break
                case nil:
                    render(body, frame, into: &output)
                }
            case .partial(let name, let indentation):
                guard let plan = plans[name] else { return }
                let inherited = indentation.map { (frame.indentation ?? "") + $0 } ?? frame.indentation
                render(plan.nodes, Frame(indentation: inherited), into: &output)
            }
        }

        private mutating func within(_ value: TemplateValue, _ body: [Node], _ frame: Frame, into output: inout String) {
            stack.append(value)
            render(body, frame, into: &output)
            stack.removeLast()
        }

        private func lookup(_ name: Name, _ position: Position?) -> TemplateValue? {
            var transforms = name.transforms[...]
            var found: TemplateValue?
            switch name.root {
            case .current:
                found = stack.last
            case .sequence:
                guard let position, let transform = transforms.popFirst() else { return nil }
                found = position.transformed(transform)
            case .top:
                found = stack.last.flatMap { Self.descend(from: $0, through: name.parts[...]) }
            case .stack:
                guard let head = name.parts.first else {
                    found = stack.last
                    break
                }
                for value in stack.reversed() {
                    if case .scope(let scope) = value, let child = scope.value(named: head) {
                        found = Self.descend(from: child, through: name.parts.dropFirst())
                        break
                    }
                }
            }
            guard var value = found else { return nil }
            for transform in transforms {
                guard let next = value.transformed(transform) else { return nil }
                value = next
            }
            return value
        }

        /// The rest of a dotted name, resolved on the value found for its first part only.
        private static func descend(from value: TemplateValue, through parts: ArraySlice<String>) -> TemplateValue? {
            var value = value
            for part in parts {
                guard case .scope(let scope) = value, let child = scope.value(named: part) else { return nil }
                value = child
            }
            return value
        }
    }
}

extension TemplatePlan.Renderer.Position {
    func transformed(_ transform: TemplatePlan.Transform) -> TemplateValue? {
        switch transform {
        case .first: .flag(first)
        case .last: .flag(last)
        case .index: .number(index)
        case .even: .flag(index & 1 == 0)
        case .odd: .flag(index & 1 == 1)
        default: nil
        }
    }
}

extension TemplateValue {
    /// The text `{{name}}` shows, as swift-mustache writes it (`String(describing:)`).
    var interpolated: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        case .list(let list): String(describing: list.mustacheValue)
        case .scope(let scope): String(describing: scope)
        }
    }

    /// The value a transform gives, as swift-mustache's transforms of strings, arrays and integers do; nil for
    /// one the value's kind has not.
    func transformed(_ transform: TemplatePlan.Transform) -> TemplateValue? {
        switch (self, transform) {
        case (.text(let text), .empty): .flag(text.isEmpty)
        case (.text(let text), .capitalized): .text(text.capitalized)
        case (.text(let text), .lowercased): .text(text.lowercased())
        case (.text(let text), .uppercased): .text(text.uppercased())
        case (.text(let text), .reversed): .text(String(text.reversed()))
        case (.list(let list), .empty): .flag(list.count == 0)
        case (.list(let list), .count): .number(list.count)
        case (.list(let list), .first): list.count == 0 ? nil : list.item(at: 0)
        case (.list(let list), .last): list.count == 0 ? nil : list.item(at: list.count - 1)
        case (.list(let list), .reversed): .list(ReversedList(base: list))
        case (.number(let number), .equalzero): .flag(number == 0)
        case (.number(let number), .plusone): .number(number + 1)
        case (.number(let number), .minusone): .number(number - 1)
        case (.number(let number), .even): .flag(number & 1 == 0)
        case (.number(let number), .odd): .flag(number & 1 == 1)
        default: nil
        }
    }
}

/// `reversed(list)`.
private struct ReversedList: TemplateList {
    let base: any TemplateList
    var count: Int { base.count }
    func item(at index: Int) -> TemplateValue { base.item(at: base.count - 1 - index) }
    var mustacheValue: Any { (0..<count).map { item(at: $0).mustacheValue } }
}
