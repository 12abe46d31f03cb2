import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `handbook new`: a new site folder, or one new content item. Never overwrites a file.
public enum Scaffold {
    /// Why nothing (or not everything) was created: an existing file, a missing folder, an I/O error (exit 2).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates `directory` holding `content/` (one item of each kind), `templates/` (from the binary) and a GitHub workflow.
    /// Returns the paths written, relative to `directory`. The folder must be new or empty.
    public static func newSite(at directory: URL, display: String) throws(Failure) -> [String] {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory.path), !entries.isEmpty {
            throw Failure(description: "'\(display)' already exists and is not empty; give a new folder")
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Failure(description: "'\(display)' already exists and is a file; give a new folder")
        }
        var files = StarterSite.content.map { (path: $0.path, data: Data($0.text.utf8)) }
        for template in EmbeddedTemplates.files {
            guard let data = Data(base64Encoded: template.base64) else {
                throw Failure(description: "the template '\(template.path)' embedded in this binary is damaged")
            }
            files.append(("templates/" + template.path, data))
        }
        for file in files {
            try create(directory.appendingPathComponent(file.path), file.data, display: "\(display)/\(file.path)")
        }
        return files.map(\.path)
    }

    /// Creates `content/<folder>/<slug>.md` for a new item titled `title`; the slug comes from the title unless given.
    /// A page goes into `section` instead of `articles/` when given (`people/hiring`, or its slugged spelling
    /// `people-ops/hiring` for `People_Ops/hiring`). Returns the new file's path as `contentDisplay/<folder>/<slug>.md`.
    public static func newItem(
        _ kind: Kind, title: String, slug: String? = nil, section: String? = nil, content: URL, contentDisplay: String
    ) throws(Failure) -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw Failure(description: "the title must not be empty") }
        let slug = slug ?? Slug.make(from: title)
        guard ContentLoader.isValidSlug(slug) else {
            if slug.isEmpty {
                throw Failure(description: "no slug can be made from '\(title)'; give one with --slug")
            }
            let suggestion = Slug.make(from: slug)
            throw Failure(
                description: "'\(slug)' is not a valid slug (lowercase letters, digits and single hyphens)"
                    + (suggestion.isEmpty ? "" : "; did you mean '\(suggestion)'?"))
        }
        guard FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yml").path) else {
            throw Failure(
                description: "'\(contentDisplay)' is not a content folder (it has no site.yml); "
                    + "run this in a site made by 'handbook new site DIR', or pass --content")
        }
        let folder = try section.map { section throws(Failure) in try sectionFolder(section, kind: kind, in: content) } ?? kind.folder
        let display = "\(contentDisplay)/\(folder)/\(slug).md"
        let url = content.appendingPathComponent(folder).appendingPathComponent("\(slug).md")
        try create(url, Data(ItemTemplate.text(for: kind, title: title).utf8), display: display)
        return display
    }

    /// The folder under `content/` for `--section`: an existing folder whose path slugs alike (`people-ops/hiring` finds
    /// `People_Ops/hiring`), else the path as given (created).
    private static func sectionFolder(_ section: String, kind: Kind, in content: URL) throws(Failure) -> String {
        let parts = section.split(separator: "/").map(String.init)
        guard kind == .article else { throw Failure(description: "--section places a page; a \(kind.rawValue) goes in \(kind.folder)/") }
        guard !parts.isEmpty, !section.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else {
            throw Failure(description: "--section '\(section)' must be a folder inside the content folder, such as people/hiring")
        }
        if let top = parts.first, ContentTree.recordFolders.contains(PagePath.component(top)) {
            throw Failure(description: "--section '\(section)' is inside \(top)/, which holds records, not pages")
        }
        var found: [String] = []
        for part in parts {
            let here = content.appendingPathComponent(found.joined(separator: "/"))
            let names = (try? FileManager.default.contentsOfDirectory(atPath: here.path)) ?? []
            let match = names.sorted().first { $0 == part } ?? names.sorted().first { PagePath.component($0) == PagePath.component(part) }
            found.append(match ?? part)
        }
        return found.joined(separator: "/")
    }

    /// Writes a new file, creating its folder; fails if anything is already at `url` (O_EXCL: no race either).
    private static func create(_ url: URL, _ data: Data, display: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the folder of \(display): \(error.localizedDescription)")
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw Failure(description: "\(display) already exists; it was left as it was") }
            throw Failure(description: "cannot create \(display): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let failure = data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
        if let failure { throw Failure(description: "cannot write \(display): \(failure)") }
    }
}
