import Yams

/// A folder's reading order, written by hand in a `.pages` file as MkDocs' awesome-pages plugin reads it:
///
/// ```yaml
/// title: People operations   # the section's name wherever it is listed
/// nav:
///   - onboarding.md
///   - Hiring                 # a subfolder
///   - ...                    # every entry not named, in the usual order
///   - faq.md
/// ```
///
/// Named entries come first, in the order written, with the rest (by `order`, then title) where `...` stands; with
/// no `...` the rest follows the named ones, since handbook lists every page where awesome-pages would hide them.
public struct SectionOrder: Sendable, Equatable {
    /// The folder as named in `content/`: `People_Ops/hiring`; `""` for the top.
    public var folder: String
    /// The section's name in its breadcrumbs, trees and lists, over its index page's title or its folder's name.
    public var title: String?
    /// File and folder names of the folder, each once, in order; nil is the rest (`...`).
    public var names: [String?]

    /// The name of the file holding a folder's order.
    static let fileName = ".pages"

    /// The keys awesome-pages reads that change what it hides or how it sorts: handbook lists every page and sorts
    /// the rest its own way, so each is a warning, never silently ignored.
    private static let unsupported = ["hide", "order", "sort_type", "order_by", "ignore_case", "collapse", "collapse_single_pages"]

    /// Reads `file`, the `.pages` of `folder`, whose pages and subfolders are `children` (file and folder names as
    /// written). A name that is none of them, or is given twice, is a warning at its line and left out.
    static func decode(_ file: SourceFile, folder: String, children: Set<String>, diagnostics: inout [Diagnostic]) -> SectionOrder? {
        var read: YAMLReader
        switch YAMLReader.parse(yaml: file.text, file: file, lineOffset: 0, knownFields: ["title", "nav", "arrange"] + unsupported) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let reader): read = reader
        }
        var order = SectionOrder(folder: folder, title: nil, names: [])
        order.title = read.string("title")?.value
        // `arrange` is the plugin's former name for `nav`.
        let field = read.has("nav") ? "nav" : "arrange"
        let known = Children(children)
        var seen = Set<String>()
        var rest = false
        for item in read.node(field)?.sequence ?? [] {
            guard let entry = self.entry(item, field: field, reader: &read) else { continue }
            if entry.value.hasPrefix("...") {
                if entry.value != "..." {
                    read.diagnostics.append(
                        .warning(
                            "order-file", at: entry.location, "filters after '...' are not supported; '\(entry.value)' is read as '...'"))
                }
                if !rest { order.names.append(nil) }
                rest = true
                continue
            }
            guard let name = known.match(entry.value) else {
                let hint = Suggestion.suffix(for: entry.value, in: known.sorted)
                read.diagnostics.append(
                    .warning(
                        "order-file", at: entry.location,
                        "'\(entry.value)' is no page or folder in \(folder.isEmpty ? "the top folder" : "'\(folder)/'")\(hint)"))
                continue
            }
            guard seen.insert(name).inserted else {
                read.diagnostics.append(
                    .warning("order-file", at: entry.location, "'\(entry.value)' is named twice; the first place counts"))
                continue
            }
            order.names.append(name)
        }
        if let node = read.node(field), node.sequence == nil { read.typeError(node, field: field, expected: "a list of names") }
        for key in unsupported where read.has(key) {
            read.diagnostics.append(
                .warning(
                    "order-file", at: read.keyLocations[key] ?? file.location(line: 1),
                    "'\(key)' is not supported and is ignored: every page is listed, and pages not named in 'nav' keep the usual order"))
        }
        diagnostics += read.diagnostics
        return order
    }

    /// One `nav` item's name: a scalar, or the target of `Title: name`, whose title is not used (a page keeps its own).
    private static func entry(_ item: Yams.Node, field: String, reader: inout YAMLReader) -> Located<String>? {
        guard let pairs = item.mapping else { return reader.string(in: item, field: field) }
        guard pairs.count == 1, let (key, value) = pairs.first, let target = reader.string(in: value, field: field) else {
            reader.typeError(item, field: field, expected: "a list of names")
            return nil
        }
        if target.value.contains("://") {
            reader.diagnostics.append(.warning("order-file", at: target.location, "links in 'nav' are not supported; ignored"))
            return nil
        }
        let title = key.scalar?.string ?? ""
        reader.diagnostics.append(
            .warning(
                "order-file", at: reader.location(of: key),
                "a title in 'nav' is not used: '\(target.value)' keeps its own title; write the name alone, not '\(title): \(target.value)'"
            ))
        return target
    }

    /// A folder's file and folder names, sorted once for every name the file gives.
    private struct Children {
        let names: Set<String>
        let sorted: [String]
        /// Each name lowercased, and without `.md`, to the first child (in sorted order) that it stands for.
        private let folded: [String: String]

        init(_ names: Set<String>) {
            self.names = names
            sorted = names.sorted()
            var folded: [String: String] = [:]
            for child in sorted {
                let lower = child.lowercased()
                if folded[lower] == nil { folded[lower] = child }
                if lower.hasSuffix(".md"), folded[String(lower.dropLast(3))] == nil { folded[String(lower.dropLast(3))] = child }
            }
            self.folded = folded
        }

        /// The child a name means: as written, else the same name in another case or without `.md`.
        func match(_ name: String) -> String? {
            var name = name
            while name.hasPrefix("./") { name.removeFirst(2) }
            while name.hasSuffix("/") { name.removeLast() }
            return names.contains(name) ? name : folded[name.lowercased()]
        }
    }
}
