import Foundation

/// Everything a build needs to know from its caller: folders and switches. The library reads nothing else.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// How the content and templates folders are named in diagnostics (as the user typed them).
    public var contentDisplay: String
    public var templatesDisplay: String
    /// Include articles marked `draft: true`.
    public var includeDrafts: Bool
    /// Warnings fail the build too.
    public var strict: Bool
    /// `false` for `handbook check`: validate and render, write nothing.
    public var writeOutput: Bool
    /// Read content through symbolic links that lead outside the content folder (off: such a link is an error).
    public var followSymlinks: Bool
    /// Above this many bytes of index, the browser gets a small root and loads chunks for the words typed
    /// (a large site's single script would otherwise be tens of megabytes).
    public var chunkSearchIndexAbove = 1_000_000
    /// Called as the build moves through its stages and items, from any thread; keep it quick. nil: no reports.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Reuse the last build's output where the inputs allow it (`--no-cache` turns this off); see `BuildCache`.
    public var useCache = true
    /// The moment of the build: `stale-content` compares `reviewed` dates with its day (UTC). Tests set it.
    public var now = Date()
    /// Render every page with swift-mustache instead of the compiled plans: the differential tests compare the two.
    var renderWithReference = false

    /// Where the build keeps each page's rendered body for the next build: `.<output name>.bodies` beside the output.
    var bodyCache: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).bodies")
    }

    /// Where the build keeps the Git history it read for the next build: `.<output name>.history` beside the output.
    var historyCache: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).history")
    }

    public init(
        content: String = "content", templates: String = "templates", output: String = "public",
        includeDrafts: Bool = false, strict: Bool = false, writeOutput: Bool = true, followSymlinks: Bool = false,
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/")
                ? URL(fileURLWithPath: path).standardizedFileURL
                : workingDirectory.appendingPathComponent(path).standardizedFileURL
        }
        func display(_ path: String) -> String {
            var trimmed = path
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            return trimmed
        }
        self.content = resolve(content)
        self.templates = resolve(templates)
        self.output = resolve(output)
        contentDisplay = display(content)
        templatesDisplay = display(templates)
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.writeOutput = writeOutput
        self.followSymlinks = followSymlinks
    }
}
