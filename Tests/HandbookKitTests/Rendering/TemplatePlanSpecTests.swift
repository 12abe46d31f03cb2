import Foundation
import Testing

@testable import HandbookKit

/// The compiled plan against the official Mustache spec (github.com/mustache/spec): every test of the required
/// modules, which `Fixtures/mustache-spec` holds as the spec publishes them. The optional modules (lambdas,
/// inheritance, dynamic names) are left out of the plan; swift-mustache renders a template that uses them.
@Suite struct TemplatePlanSpecTests {
    struct SpecFile: Decodable {
        var tests: [SpecTest]
    }

    struct SpecTest: Decodable, CustomTestStringConvertible {
        var name: String
        var data: JSON
        var template: String
        var partials: [String: String]?
        var expected: String
        var testDescription: String { name }
    }

    /// A JSON value as the spec's data gives it, answering names as a view does.
    enum JSON: Decodable, TemplateScope {
        case null
        case bool(Bool)
        case integer(Int)
        case decimal(Double)
        case string(String)
        case array([JSON])
        case object([String: JSON])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .decimal(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSON].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: JSON].self))
            }
        }

        var templateValue: TemplateValue {
            switch self {
            case .null: .flag(false)
            case .bool(let value): .flag(value)
            case .integer(let value): .number(value)
            case .decimal(let value): .text(String(describing: value))
            case .string(let value): .text(value)
            case .array(let values): .list(values)
            case .object: .scope(self)
            }
        }

        func value(named name: String) -> TemplateValue? {
            guard case .object(let fields) = self, let field = fields[name] else { return nil }
            if case .null = field { return nil }
            return field.templateValue
        }
    }

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    static let tests: [SpecTest] = modules.flatMap { module -> [SpecTest] in
        let url = TestSite.fixtures.appendingPathComponent("mustache-spec/\(module).json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(SpecFile.self, from: data) else { return [] }
        return file.tests.map { test in
            var test = test
            test.name = "\(module): \(test.name)"
            return test
        }
    }

    @Test func theSpecIsThere() {
        #expect(Self.tests.count > 100)
    }

    @Test(arguments: tests) func rendersAsTheSpecSays(_ test: SpecTest) throws {
        var plans = ["template": try TemplatePlan(test.template)]
        for (name, text) in test.partials ?? [:] { plans[name] = try TemplatePlan(text) }
        var renderer = TemplatePlan.Renderer(plans: plans)
        #expect(renderer.render("template", test.data.templateValue) == test.expected, "\(test.template.debugDescription)")
    }
}
