import ArgumentParser
import Foundation
import HandbookKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new site folder, or one new article, term, archetype or company.",
        discussion: """
            handbook new site DIR         a folder with content/ (one item of each kind), templates/ and
                                          .github/workflows/handbook.yml
            handbook new term "Title"     content/terms/<slug>.md with every required field filled in
            handbook new article "Title" --section people/hiring
                                          content/people/hiring/<slug>.md
            Never overwrites a file.
            """)

    enum What: String, ExpressibleByArgument, CaseIterable {
        case site, article, term, archetype, company
    }

    @Argument(help: "What to create: site, article, term, archetype or company.")
    var what: What

    @Argument(help: "The new site's folder, or the new item's title.")
    var name: String

    @Option(name: .long, help: "The content folder a new item goes into.")
    var content = "content"

    @Option(name: .long, help: "The item's file name without .md (default: made from the title).")
    var slug: String?

    @Option(name: .long, help: "The folder under the content folder a new article goes into, such as people/hiring.")
    var section: String?

    func validate() throws {
        if what == .site && slug != nil { throw ValidationError("--slug names a new item, not a site") }
        if what != .article && section != nil { throw ValidationError("--section places a new article; other kinds have their folder") }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path)
        }
        do {
            switch what {
            case .site:
                _ = try Scaffold.newSite(at: resolve(name), display: name)
                print("Created a new site in \(name). Next: cd \(name) && handbook serve")
            case .article, .term, .archetype, .company:
                let kind = Kind(rawValue: what.rawValue) ?? .article
                print(
                    "Created "
                        + (try Scaffold.newItem(
                            kind, title: name, slug: slug, section: section, content: resolve(content), contentDisplay: content)))
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}
