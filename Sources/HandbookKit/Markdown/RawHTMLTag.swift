/// Reads an inline raw HTML tag just enough to know whether text after it is inside an element.
enum RawHTMLTag {
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// +1 for an opening tag, -1 for a closing tag, 0 for comments, void and self-closing tags.
    static func depthChange(_ tag: String) -> Int {
        guard tag.hasPrefix("<"), !tag.hasPrefix("<!"), !tag.hasPrefix("<?") else { return 0 }
        if tag.hasPrefix("</") { return -1 }
        if tag.hasSuffix("/>") { return 0 }
        let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        return voidElements.contains(name) ? 0 : 1
    }
}
