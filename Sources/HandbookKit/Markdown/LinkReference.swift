/// A link or image whose target the Markdown stage cannot check alone: a `#fragment` needs the target page's
/// ids, a generated page (`index.html`, `tags/x.html`) exists only once pages are rendered. `LinkTargets` checks it.
public struct LinkReference: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// A content page; `fragment` must name an id on it.
        case page(ItemID)
        /// Another file of the output, by its path under the output folder.
        case output(String)
    }

    public var target: Target
    /// Percent-decoded, without "#".
    public var fragment: String?
    /// The URL as written in Markdown.
    public var written: String
    public var isImage: Bool
    /// The page the link is on.
    public var from: ItemID
    public var location: SourceLocation
}
