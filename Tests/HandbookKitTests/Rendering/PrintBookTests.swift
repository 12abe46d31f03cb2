import Foundation
import Testing

@testable import HandbookKit

/// The print handbook: one page for a small site, volumes of bounded size for a large one.
@Suite struct PrintBookTests {
    static func items(_ kind: Kind, _ count: Int, bytes: Int) -> [(id: ItemID, bytes: Int)] {
        (0..<count).map { (ItemID(kind, kind == .article ? "articles/item-\($0)" : "item-\($0)"), bytes) }
    }

    @Test func aSmallBookIsOnePage() {
        let book = PrintBook([(.articles, Self.items(.article, 10, bytes: 50_000)), (.glossary, Self.items(.term, 10, bytes: 1_000))])
        #expect(!book.isSplit)
        #expect(book.url(of: ItemID(.article, "articles/item-3"), anchor: "article-item-3", from: "print.html") == "#article-item-3")
    }

    @Test func aLargeBookIsSplitIntoVolumesOfBoundedSizeInPartOrder() {
        let book = PrintBook([
            (.articles, Self.items(.article, 100, bytes: 30_000)), (.roles, []), (.glossary, Self.items(.term, 50, bytes: 10_000)),
        ])
        #expect(book.isSplit)
        #expect(book.volumes.map(\.path).prefix(2) == ["print/articles-1.html", "print/articles-2.html"])
        #expect(book.volumes.allSatisfy { $0.items.count * ($0.part == .articles ? 30_000 : 10_000) <= PrintBook.volumeBytes })
        #expect(book.volumes.flatMap(\.items).count == 150)
        #expect(book.volumes.last?.path == "print/glossary-2.html")
        // Links go to the section's own volume, or stay within the page.
        let first = book.volumes[0]
        #expect(book.url(of: first.items[1], anchor: "a", from: first.path) == "#a")
        #expect(book.url(of: ItemID(.term, "item-0"), anchor: "t", from: first.path) == "glossary-1.html#t")
    }

    @Test func linksInAVolumeKeepTheirFolderAndPointAtVolumes() {
        let book = PrintBook([(.articles, Self.items(.article, 60, bytes: 30_000))])
        let html = """
            <h2 id="x">X</h2><a href="#x">x</a> <a href="../articles/item-59.html#y">far</a> \
            <a href="../articles/item-0.html">near</a> <a href="../tags/t.html">tag</a> <img src="../img/a.png">
            """
        let rewritten = PrintLinks.rewrite(html, for: ItemID(.article, "articles/item-0"), in: "print/articles-1.html", book: book)
        #expect(
            rewritten == """
                <h2 id="article-item-0--x">X</h2><a href="#article-item-0--x">x</a> \
                <a href="articles-5.html#article-item-59--y">far</a> <a href="#article-item-0">near</a> \
                <a href="../tags/t.html">tag</a> <img src="../img/a.png">
                """)
        let onePage = PrintLinks.rewrite(html, for: ItemID(.article, "articles/item-0"))
        #expect(onePage.contains("<a href=\"#article-item-59--y\">far</a> ") && onePage.contains("<a href=\"tags/t.html\">"))
        #expect(onePage.contains("<img src=\"img/a.png\">"))
    }

    /// A generated site too large for one page: no page grows with it, and every link between volumes lands on an id.
    @Test func aLargeSitesPrintHandbookLinksAcrossVolumes() throws {
        let paragraph = String(repeating: "Hiring for Python means reading code and asking about it. ", count: 300)
        var files: [String: String] = [
            "terms/python.md": "---\ntitle: Python\nsummary: A language.\ncategory: language\n---\nPython is read aloud.\n"
        ]
        for index in 0..<90 {
            files["articles/guide-\(index).md"] = """
                ---
                title: Guide \(index)
                summary: Guide number \(index).
                order: \(index)
                ---
                ## Part \(index)

                \(paragraph)

                Python, and see [[Guide \((index + 45) % 90)]] and [the last part](guide-\((index + 1) % 90).md#part-\((index + 1) % 90)).

                """
        }
        let site = try TestSite(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.isEmpty)
        let contents = try site.read("print.html")
        #expect(!contents.contains("class=\"print-section\""))
        let volumes = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("print").path).sorted()
        #expect(volumes.count > 2)
        #expect(volumes.allSatisfy { contents.contains("href=\"print/\($0)\"") })
        var ids: [String: Set<String>] = [:]
        var pages: [String: String] = [:]
        for volume in volumes {
            let html = try site.read("print/\(volume)")
            #expect(html.utf8.count < 1_000_000)
            pages[volume] = html
            ids[volume] = Set(html.matches(of: /id="([^"]+)"/).map { String($0.output.1) })
        }
        var checked = 0
        for (volume, html) in pages {
            for match in html.matches(of: /href="([a-z0-9-]*\.html)?#([^"]+)"/) {
                let file = match.output.1.map(String.init) ?? volume
                #expect(ids[file]?.contains(String(match.output.2)) == true, "\(volume) links to \(file)#\(match.output.2)")
                checked += 1
            }
        }
        #expect(checked > 300)
    }
}
