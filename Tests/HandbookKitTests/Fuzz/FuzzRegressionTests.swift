import Foundation
import Testing

@testable import HandbookKit

/// Inputs `make fuzz` found, each fixed and kept here so it stays fixed (Fuzz/README.md).
@Suite struct FuzzRegressionTests {
    /// Bytes from hex, as the fuzzer wrote them (`xxd -p`).
    private static func bytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var digits = hex.filter(\.isHexDigit).makeIterator()
        while let high = digits.next(), let low = digits.next(), let byte = UInt8("\(high)\(low)", radix: 16) { bytes.append(byte) }
        return bytes
    }

    /// FuzzFrontMatter, 35,662 runs in: an unclosed list at the end of a file without a final line break was
    /// reported on line 8 of a 7-line file (libyaml's end-of-input mark is on the line after the last).
    @Test func aYAMLErrorAtTheEndOfTheInputIsOnTheLastLine() {
        let input = Self.bytes(
            """
            7469746c653a20547269636b6e676f2074616674657220747261696e696e672e0a0a506f696e747320746f20636865636b3a0a0a2d
            20576869636820706172742074682b2b20616e646172793a2041202262617474657269657320696e636c756465647472756522207765
            62206672616d65776f72958b8d926520666f7220507974686f6e2e0a63617465676f72793a206672616d65776f726b0a616c69617365
            713a205b446a616e676f2052455354204672616d65776f726b2c204452f5
            """)
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "content/site.yml", text: String(decoding: input, as: UTF8.self))
        #expect(RecordDecoder.site(file, diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.map(\.formatted) == [
                "content/site.yml:7:37: error: invalid YAML: did not find expected ',' or ']' [yaml-syntax]"
            ])
    }

    /// FuzzFrontMatter, 2,038 runs into a later session: a `site.yml` of only `---` was reported on line 2 of a
    /// one-line file (the empty document's node sits after the last line).
    @Test func anEmptyYAMLDocumentIsReportedInsideTheFile() {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "content/site.yml", text: "---")
        #expect(RecordDecoder.site(file, diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.map(\.formatted) == [
                "content/site.yml:1:4: error: expected a mapping of fields such as 'title: ...' [wrong-type]"
            ])
    }
}
