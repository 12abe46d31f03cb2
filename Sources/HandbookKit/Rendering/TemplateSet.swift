import Foundation
import Mustache

/// Every Mustache template of the site, loaded and checked before any page is rendered.
struct TemplateSet: Sendable {
    /// Templates the build renders pages with; each must exist.
    static let required = [
        "layout", "home", "article", "term", "archetype", "company", "section", "terms-index",
        "archetypes-index", "companies-index", "tag", "tags-index", "search", "questions", "checklist", "print", "print-volume", "404",
        "archetype-kit", "changes", "owners", "owner",
    ]
    /// Partials the build renders by name, and what each renders.
    static let requiredPartials = [
        "partials/term-tip": "the definition of a term on the pages that link it",
        "partials/section-tree": "a level of the section tree", "partials/section-tree-item": "an entry of the section tree",
    ]

    /// Every template as swift-mustache parsed it: the reference, and the renderer of what the plans leave out.
    private let library: MustacheLibrary
    /// The compiled plans of the templates that need nothing a plan leaves out (nor do the partials they include).
    private var plans: [String: TemplatePlan] = [:]
    /// The templates swift-mustache renders, and why, for `--verbose`.
    private(set) var unplanned: [(template: String, reason: String)] = []
    private let displayPrefix: String
    /// The layout's partials rendered once per distinct value of what they read.
    private var layoutPartials: LayoutPartials?
    /// Literal `id="..."` values by template name, for `#fragment` links to a page.
    private var literalIDs: [String: Set<String>] = [:]

    /// Loads `directory`; syntax errors, missing templates and unknown partials are diagnostics.
    static func load(from directory: URL, displayPrefix: String, diagnostics: inout [Diagnostic]) throws -> TemplateSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentLoader.ConfigurationError(description: "templates folder '\(displayPrefix)' does not exist")
        }
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        let files = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for file in files {
            let name = String(file.dropLast(".mustache".count))
            let path = "\(displayPrefix)/\(file)"
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                diagnostics.append(.error("template-unreadable", at: SourceLocation(path: path), "cannot read this template as UTF-8"))
                continue
            }
            do {
                templates[name] = try MustacheTemplate(string: Escaping.pragma + text)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                // The pragma's line comes first: lines are counted from the author's first line.
                diagnostics.append(
                    .error(
                        "template-syntax",
                        at: SourceLocation(path: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                        "template syntax error: \(describe(error.error))"))
            } catch {
                diagnostics.append(.error("template-syntax", at: SourceLocation(path: path), "template syntax error: \(error)"))
            }
        }
        for name in required where !files.contains("\(name).mustache") {
            diagnostics.append(
                .error(
                    "missing-template", at: SourceLocation(path: "\(displayPrefix)/\(name).mustache"),
                    "missing template '\(name).mustache', which renders \(name) pages"))
        }
        for (name, purpose) in requiredPartials.sorted(by: { $0.key < $1.key }) where !files.contains("\(name).mustache") {
            diagnostics.append(
                .error(
                    "missing-template", at: SourceLocation(path: "\(displayPrefix)/\(name).mustache"),
                    "missing template '\(name).mustache', which renders \(purpose)"))
        }
        diagnostics += unknownPartials(in: sources, known: Set(templates.keys), displayPrefix: displayPrefix)
        var layoutPartials: LayoutPartials?
        if templates["layout"] != nil, let text = sources["layout"], let plan = LayoutPartials(layout: text, sources: sources),
            let layout = try? MustacheTemplate(string: Escaping.pragma + plan.layout)
        {
            templates["layout"] = layout
            layoutPartials = plan
        }
        var set = TemplateSet(library: MustacheLibrary(templates: templates), displayPrefix: displayPrefix)
        set.layoutPartials = layoutPartials
        var planSources = sources
        if let layoutPartials { planSources["layout"] = layoutPartials.layout }
        (set.plans, set.unplanned) = plan(planSources.filter { templates[$0.key] != nil })
        set.literalIDs = sources.mapValues { HTMLIDs.scan($0, names: false) }
        return set
    }

    /// Renders `view` with template `name`, through its plan when it has one; nil only when the template is
    /// missing (already diagnosed).
    func render(_ name: String, _ view: any TemplateScope) -> String? {
        guard !renderWithReference, plans[name] != nil else { return library.render(view, withTemplate: name) }
        var renderer = TemplatePlan.Renderer(plans: plans)
        return renderer.render(name, .scope(view))
    }

    /// Renders every template with swift-mustache, the plans' reference (for the differential tests).
    var renderWithReference = false

    /// The plan of every template that can have one: its own text parses into a plan and so does every partial
    /// it includes, however deep. The others, with the first reason found, are rendered by swift-mustache.
    private static func plan(_ sources: [String: String]) -> ([String: TemplatePlan], [(template: String, reason: String)]) {
        var parsed: [String: TemplatePlan] = [:]
        var reasons: [String: String] = [:]
        for (name, text) in sources {
            do throws(TemplatePlan.Unsupported) {
                parsed[name] = try TemplatePlan(Escaping.pragma + text)
            } catch {
                reasons[name] = error.description
            }
        }
        // A template falls back when a partial it includes does, until nothing changes.
        var changed = true
        while changed {
            changed = false
            for (name, plan) in parsed {
                if let partial = plan.partials.sorted().first(where: { reasons[$0] != nil }) {
                    reasons[name] = "it includes '\(partial)', which swift-mustache renders"
                    parsed[name] = nil
                    changed = true
                }
            }
        }
        return (parsed, reasons.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Renders the layout around a page, its cached partials (`LayoutPartials`) from the first page that needed them.
    func renderLayout(_ view: LayoutView) -> String? {
        guard let layoutPartials else { return render("layout", view) }
        return render("layout", layoutPartials.view(view) { render($0, $1) })
    }

    /// The ids a page of `kind` carries from its templates: its own, the layout's and the partials'.
    func pageIDs(_ kind: Kind) -> Set<String> {
        literalIDs.filter { $0.key == kind.rawValue || $0.key == "layout" || $0.key.hasPrefix("partials/") }
            .values.reduce(into: Set<String>()) { $0.formUnion($1) }
    }

    /// `{{> name}}` naming no template renders nothing in Mustache: here it is an error.
    private static func unknownPartials(in sources: [String: String], known: Set<String>, displayPrefix: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let open = rest.range(of: "{{>") {
                    guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                    let partial = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    if !known.contains(partial) {
                        let column = line[..<open.lowerBound].unicodeScalars.count + 1
                        let hint = Suggestion.suffix(for: partial, in: known.sorted())
                        diagnostics.append(
                            .error(
                                "missing-template",
                                at: SourceLocation(path: "\(displayPrefix)/\(name).mustache", line: lineIndex + 1, column: column),
                                "partial '\(partial)' names no template\(hint)"))
                    }
                    rest = rest[close.upperBound...]
                }
            }
        }
        return diagnostics
    }

    /// How `{{name}}` escapes. swift-mustache's own HTML escaper looks every Character up in a dictionary (a
    /// tenth of the pages stage at 10,000 pages), and compares grapheme clusters, so a quote followed by a
    /// combining mark is one Character and passes unescaped: `title="{{x}}"` could be broken out of. This one
    /// escapes the same five characters by Unicode scalar (`HTML.escape`), and returns text with none as it is.
    /// Partials reset Mustache to its built-in escaper, so every template starts with the pragma, on a line of
    /// its own (a standalone tag, which renders nothing).
    enum Escaping {
        struct HTMLText: MustacheContentType {
            func escapeText(_ text: String) -> String { HTML.escape(text) }
        }

        static let name = "HANDBOOK_HTML"
        static let pragma: String = {
            MustacheContentTypes.register(HTMLText(), named: name)
            return "{{% CONTENT_TYPE: \(name) }}\n"
        }()
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with a different name than it was opened"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with '}}'"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }
}
