import Testing

@testable import HandbookKit

/// Link URLs are read byte by byte: what runs code is refused, local paths are split and normalized.
@Suite struct URLSafetyTests {
    @Test(arguments: [
        (" \tJaVa\nScRiPt:alert(1)", true), ("FILE:///etc/passwd", true), ("vbscript:x", true), ("DATA:text/html,x", true),
        ("data:image/webp;base64,AA", false), ("javascrİpt:x", false), ("files/a.md", false), ("", false),
    ])
    func dangerousSchemes(_ url: String, _ dangerous: Bool) {
        #expect(URLSafety.isDangerous(url) == dangerous)
    }

    @Test func localReferencesSplitAtTheFirstQueryOrFragment() {
        let reference = URLSafety.localReference("img/my%20chärt.png?v=2#t%C3%A9")
        #expect(reference == URLSafety.LocalReference(path: "img/my chärt.png", suffix: "?v=2#t%C3%A9", fragment: "té"))
        #expect(URLSafety.localReference("https://example.com") == nil)
        #expect(URLSafety.localReference("#") == URLSafety.LocalReference(path: "", suffix: "#", fragment: nil))
    }

    @Test(arguments: [("a/./b/../c", "a/c"), ("a//b/", "a/b"), ("über/../ä.md", "ä.md"), ("..", nil), ("a/../../b", nil)])
    func normalizedPaths(_ path: String, _ normalized: String?) {
        #expect(URLSafety.normalize(path) == normalized)
    }
}
