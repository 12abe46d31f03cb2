import Mustache

/// What a name in a template stands for, as the compiled plan (`TemplatePlan`) reads it: the few kinds Mustache
/// tells apart, so that rendering a page switches on a tag instead of casting `Any` to protocols (the casts were
/// most of swift-mustache's time on our pages).
///
/// Lists and scopes keep the value they were made from, so swift-mustache, the reference the plan is checked
/// against, is handed exactly what it was handed before (`mustacheValue`).
enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list(any TemplateList)
    case scope(any TemplateScope)

    /// A view's field as a value; nil when the field is nil, so that the name is looked up further out.
    static func of(_ value: some TemplateValueConvertible) -> TemplateValue? { value.templateValue }
    static func of(_ value: (some TemplateValueConvertible)?) -> TemplateValue? { value?.templateValue }

    /// The value as swift-mustache reads it.
    var mustacheValue: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let list): list.mustacheValue
        case .scope(let scope): scope
        }
    }
}

/// A value that answers names: a view, or an object of the Mustache spec's tests.
/// Conforming gives swift-mustache the same answers (`MustacheParent`).
protocol TemplateScope: TemplateValueConvertible, MustacheParent {
    /// The value named `name`; nil when this scope has no such name (Mustache then looks further out).
    func value(named name: String) -> TemplateValue?
}

extension TemplateScope {
    var templateValue: TemplateValue { .scope(self) }

    func child(named name: String) -> Any? { value(named: name)?.mustacheValue }
}

/// A list a section iterates over.
protocol TemplateList {
    var count: Int { get }
    func item(at index: Int) -> TemplateValue
    /// The list as swift-mustache reads it: the array itself.
    var mustacheValue: Any { get }
}

protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .flag(self) }
}

extension Array: TemplateValueConvertible, TemplateList where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(self) }
    func item(at index: Int) -> TemplateValue { self[index].templateValue }
    var mustacheValue: Any { self }
}
