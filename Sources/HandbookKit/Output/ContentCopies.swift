import Foundation

/// A content file published as it is, at the same path under the output folder as under `content/`: a page at
/// `articles/x.html` finds `img/chart.png` (from `content/articles/img/chart.png`) where its Markdown did.
struct FileCopy: Sendable, Equatable {
    var source: URL
    /// The path under the output folder.
    var path: String
}

/// Decides which content files are copied: all of them (`ContentFiles`), except one that would replace a
/// generated page or a template asset, which is an error at its path.
enum ContentCopies {
    static func plan(
        _ files: [String], contentFolder: URL, displayPrefix: String, generated: Set<String>, templateAssets: URL
    ) -> (copies: [FileCopy], diagnostics: [Diagnostic]) {
        var copies: [FileCopy] = []
        var diagnostics: [Diagnostic] = []
        for path in files {
            let clash: String?
            if generated.contains(path) {
                clash = "a page the build writes"
            } else if path.hasPrefix("assets/"),
                FileManager.default.fileExists(atPath: templateAssets.appendingPathComponent(String(path.dropFirst(7))).path)
            {
                clash = "the template asset of the same name"
            } else {
                clash = nil
            }
            if let clash {
                diagnostics.append(
                    .error(
                        "output-clash", at: SourceLocation(path: "\(displayPrefix)/\(path)"),
                        "this file would replace \(clash) at '\(path)' in the output; rename or move it"))
            } else {
                copies.append(FileCopy(source: contentFolder.appendingPathComponent(path), path: path))
            }
        }
        return (copies, diagnostics)
    }
}
