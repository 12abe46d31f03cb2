import Foundation

/// Checks the links the Markdown stage could not check alone (`LinkReference`): a `#fragment` must name an id
/// on its target page (checked once every body is rendered, before the pages: a broken one is repaired in the output),
/// a link to a generated file must name one that the build writes (checked once the pages are written).
///
/// Each target page's ids are collected once, on first use: the check costs time linear in links and pages.
struct LinkTargets {
    let content: ContentSet
    let bodies: [ItemID: RenderedBody]
    /// Ids the templates write on every page of a kind (`used-by`, `main`, ...).
    let templateIDs: @Sendable (Kind) -> Set<String>
    /// Where `assets/...` comes from.
    let templateAssets: URL

    private var idsByPage: [ItemID: Set<String>] = [:]
    /// Every file of the output, sorted, for "did you mean": made on the first missing file only.
    private var outputFiles: [String] = []

    init(
        content: ContentSet, bodies: [ItemID: RenderedBody], templateIDs: @escaping @Sendable (Kind) -> Set<String>,
        templateAssets: URL
    ) {
        self.content = content
        self.bodies = bodies
        self.templateIDs = templateIDs
        self.templateAssets = templateAssets
    }

    /// Every `#fragment` that names nothing on its page, in page order, and how each page's links to them are repaired.
    mutating func checkFragments() -> (diagnostics: [Diagnostic], repairs: [ItemID: [FragmentRepair]]) {
        var diagnostics: [Diagnostic] = []
        var repairs: [ItemID: [FragmentRepair]] = [:]
        // Most fragments name a section heading, known without reading the page's HTML; the pages of the others are
        // read for their ids on both cores.
        let unsure = content.documents.flatMap { document in
            (bodies[document.id]?.references ?? []).compactMap { reference -> ItemID? in
                guard case .page(let id) = reference.target, let fragment = reference.fragment, !namesHeading(fragment, on: id) else {
                    return nil
                }
                return id
            }
        }
        scanIDs(of: unsure)
        for document in content.documents {
            for reference in bodies[document.id]?.references ?? [] {
                guard case .page(let id) = reference.target, let fragment = reference.fragment,
                    let problem = check(reference, fragment: fragment, on: id)
                else { continue }
                diagnostics.append(problem.diagnostic)
                repairs[document.id, default: []].append(FragmentRepair(target: id, fragment: fragment, replacement: problem.instead))
            }
        }
        return (diagnostics, repairs)
    }

    /// Every link to a generated file the build does not write, in page order. `generated` holds the output paths of
    /// the pages and indexes written; nil when pages could not be rendered (broken templates, already diagnosed).
    mutating func checkFiles(generated: Set<String>?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in content.documents {
            for reference in bodies[document.id]?.references ?? [] {
                guard case .output(let path) = reference.target else { continue }
                if let problem = check(reference, path: path, generated: generated) { diagnostics.append(problem) }
            }
        }
        return diagnostics
    }

    /// The warning for a fragment no id on page `id` has, and the id in another case it may mean.
    private mutating func check(
        _ reference: LinkReference, fragment: String, on id: ItemID
    ) -> (diagnostic: Diagnostic, instead: String?)? {
        let noun = reference.isImage ? "image from" : "link to"
        // "#top" scrolls to the top of any page (HTML's "indicated part of the document").
        guard fragment.lowercased() != "top", !namesHeading(fragment, on: id) else { return nil }
        let ids = self.ids(of: id)
        guard !ids.contains(fragment) else { return nil }
        let instead = ids.contains(fragment.lowercased()) ? fragment.lowercased() : nil
        let place = id == reference.from ? "this page" : content.document(id)?.path ?? id.url
        let hint =
            bodies[id]?.omittedIDs.contains(fragment) == true
            ? "; it is in raw HTML, which is left out unless site.yml sets unsafe_html: true"
            : Suggestion.suffix(for: fragment, in: ids.sorted())
        // A warning, as in MkDocs and Docusaurus: the page opens, at its top. A wiki moved in has hundreds.
        return (
            .warning(
                "missing-anchor", at: reference.location,
                "\(noun) '\(reference.written)', but \(place) has no heading or id '\(fragment)'\(hint)"), instead
        )
    }

    private mutating func check(_ reference: LinkReference, path: String, generated: Set<String>?) -> Diagnostic? {
        let noun = reference.isImage ? "image from" : "link to"
        guard let generated, !generated.contains(path), !isTemplateAsset(path) else { return nil }
        let folder = PagePath.folder(of: reference.from.url)
        if outputFiles.isEmpty { outputFiles = generated.sorted() + content.files }
        let written = URLSafety.localReference(reference.written)?.path ?? reference.written
        let candidates =
            written.hasPrefix("/")
            ? outputFiles.map { "/" + $0 }
            : outputFiles.map { PagePath.relative(from: folder, to: $0) }
        let hint = Suggestion.suffix(for: written, in: candidates)
        return .error("missing-file", at: reference.location, "\(noun) a missing file '\(reference.written)'\(hint)")
    }

    private func isTemplateAsset(_ path: String) -> Bool {
        path.hasPrefix("assets/") && FileManager.default.fileExists(atPath: templateAssets.path + "/" + path.dropFirst(7))
    }

    /// The ids a page carries: those in its body (headings, footnotes, raw HTML) and those its template writes.
    private mutating func ids(of id: ItemID) -> Set<String> {
        if let known = idsByPage[id] { return known }
        let ids = Self.ids(of: id, content: content, bodies: bodies, templateIDs: templateIDs)
        idsByPage[id] = ids
        return ids
    }

    /// Whether the fragment is the id of one of the page's section headings (`##`, `###`), which its HTML has.
    private func namesHeading(_ fragment: String, on id: ItemID) -> Bool {
        bodies[id]?.headings.contains { $0.id == fragment } ?? false
    }

    /// The ids of these pages, read on both cores.
    private mutating func scanIDs(of pages: [ItemID]) {
        let targets = Array(Set(pages).subtracting(idsByPage.keys))
        let (content, bodies, templateIDs) = (content, bodies, templateIDs)
        let scanned = targets.parallelMap { Self.ids(of: $0, content: content, bodies: bodies, templateIDs: templateIDs) }
        for (id, ids) in zip(targets, scanned) { idsByPage[id] = ids }
    }

    private static func ids(
        of id: ItemID, content: ContentSet, bodies: [ItemID: RenderedBody], templateIDs: @Sendable (Kind) -> Set<String>
    ) -> Set<String> {
        var ids = HTMLIDs.scan(bodies[id]?.html ?? "").union(templateIDs(id.kind))
        if let titleID = content.document(id)?.titleID { ids.insert(titleID) }
        return ids
    }
}
