import Foundation
import Testing

@testable import HandbookKit

@Suite struct CacheManifestTests {
    @Test func digestsDifferForAnyEditAndReadBackFromHex() {
        let base = Digest("The quick brown fox jumps over the lazy dog.")
        #expect(base == Digest("The quick brown fox jumps over the lazy dog."))
        for edited in ["The quick brown fox jumps over the lazy dog!", "The quick brown fox jumps over the lazy dog. ", "", "T"] {
            #expect(Digest(edited) != base)
        }
        #expect(Digest(hex: Array(base.hex.utf8)) == base)
        for bad in ["", "-", "12", "12-", "-12", "1-2-3", "12345678901234567-1", "xy-12"] {
            #expect(Digest(hex: Array(bad.utf8)) == nil, "\(bad)")
        }
    }

    @Test func everyOptionThatShapesTheOutputIsInTheKeyAndTheRestAreNot() {
        let base = BuildOptions(workingDirectory: URL(fileURLWithPath: "/site"))
        let key = InputFingerprint.settings(base)
        var changed: [BuildOptions] = []
        for change in [
            { (o: inout BuildOptions) in o.includeDrafts = true }, { $0.strict = true }, { $0.followSymlinks = true },
            { $0.chunkSearchIndexAbove = 5 }, { $0.contentDisplay = "site/content" }, { $0.output = URL(fileURLWithPath: "/x") },
            { $0.now = base.now.addingTimeInterval(86_400 * 2) },
        ] {
            var options = base
            change(&options)
            changed.append(options)
        }
        for options in changed { #expect(InputFingerprint.settings(options) != key) }
        var same = base
        same.useCache = false
        same.writeOutput = false
        same.progress = { _ in }
        #expect(InputFingerprint.settings(same) == key)
        #expect(key.contains(InputFingerprint.binaryStamp()))
        // A folder URL that gained a trailing slash (the folder exists now) names the same folder.
        var slashed = base
        slashed.output = URL(fileURLWithPath: "/site/public/", isDirectory: true)
        #expect(InputFingerprint.settings(slashed) == key)
    }

    @Test func aManifestReadsBackAndADamagedOneDoesNot() throws {
        let stamp = FileStamp(size: 12, modified: "1733030000.000000005", inode: 77)
        var manifest = CacheManifest(
            inputs: Digest("inputs"),
            diagnostics: [.warning("unused-term", at: SourceLocation(path: "content/terms/a b.md", line: 2, column: 8), "tab\there \"q\"")],
            pageCounts: [("articles", 3), ("other pages", 12)],
            outputs: ["articles/a.html": CacheManifest.Entry(digest: Digest("a"), stamp: stamp)])
        manifest.inputFiles = ["content/articles/a\tb.md": CacheManifest.Entry(digest: Digest("b"), stamp: stamp)]
        let text = manifest.encoded()
        let decoded = try #require(CacheManifest.decode(Data(text.utf8)))
        #expect(decoded.inputs == manifest.inputs)
        #expect(decoded.diagnostics == manifest.diagnostics)
        #expect(decoded.pageCounts.map { "\($0.kind)=\($0.count)" } == ["articles=3", "other pages=12"])
        #expect(decoded.outputs["articles/a.html"]?.digest == Digest("a") && decoded.outputs["articles/a.html"]?.stamp == stamp)
        #expect(decoded.inputFiles["content/articles/a\tb.md"]?.digest == Digest("b"))
        #expect(decoded.encoded() == text)
        for cut in [0, 10, text.utf8.count / 2, text.utf8.count - 5] {
            #expect(CacheManifest.decode(Data(text.utf8.prefix(cut))) == nil, "cut at \(cut)")
        }
        #expect(CacheManifest.decode(Data(text.replacingOccurrences(of: "handbook-cache 1", with: "handbook-cache 0").utf8)) == nil)
    }
}
