import Foundation
import Testing

@testable import HandbookKit

/// Long lists are paged and the home page lists the start of the reading order: no list page grows with the site.
@Suite struct PaginationTests {
    @Test func pagesLiveInAFolderBesideTheFirst() {
        let articles = Pagination(first: "articles/index.html", count: 250)
        #expect(articles.pages.map(\.path) == ["articles/index.html", "articles/page/2.html", "articles/page/3.html"])
        #expect(articles.pages.map(\.range) == [0..<100, 100..<200, 200..<250])
        let tag = Pagination(first: "tags/python.html", count: 101)
        #expect(tag.pages.map(\.path) == ["tags/python.html", "tags/python/2.html"])
        #expect(Pagination(first: "tags/x.html", count: 100).view(at: 0)?.label == nil)
        let pager = articles.view(at: 1)
        #expect(pager?.previous?.url == "../../articles/index.html")
        #expect(pager?.next?.url == "../../articles/page/3.html")
        #expect(pager?.pages.map(\.current) == [false, true, false])
        #expect(pager?.label == "Page 2 of 3")
    }

    @Test func aLargeSitesListsArePagedAndItsHomePageStaysShort() throws {
        var files: [String: String] = [:]
        for index in 0..<130 {
            files["articles/a-\(index).md"] =
                "---\ntitle: Article \(index)\nsummary: Number \(index).\norder: \(index)\ntags: [python]\n---\nText \(index).\n"
        }
        let site = try TestSite(files)
        defer { site.remove() }
        #expect(try site.build().diagnostics.isEmpty)
        let home = try site.read("index.html")
        #expect(home.matches(of: /href="articles\/a-\d+\.html"/).count == SiteRenderer.homeArticles)
        #expect(home.contains("<a href=\"articles/index.html\">All 130 articles, in reading order</a>"))
        #expect(home.contains("<a href=\"tags/python.html\">python</a> <span class=\"badge\">130</span>"))
        let first = try site.read("articles/index.html")
        let second = try site.read("articles/page/2.html")
        // The listing, after the section tree (which shows a window of the section around the page).
        let firstList = try #require(first.range(of: "<section class=\"section-listing\"")).lowerBound
        let secondList = try #require(second.range(of: "<section class=\"section-listing\"")).lowerBound
        #expect(first[firstList...].matches(of: /<li><a href="\.\.\/articles\/a-/).count == 100)
        #expect(second[secondList...].matches(of: /<li><a href="\.\.\/\.\.\/articles\/a-/).count == 30)
        // The section tree shows a window of the section, not all 130.
        #expect(first[..<firstList].matches(of: /<li><a href="\.\.\/articles\/a-/).count == SiteRenderer.treeWindow)
        #expect(second.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">"))
        #expect(second.contains("<a rel=\"prev\" href=\"../../articles/index.html\">"))
        #expect(try site.read("tags/python/2.html").contains("<a href=\"../../tags/index.html\">Tags</a>"))
    }
}
