import Testing

@testable import HandbookKit

/// The print page sits at the site root and carries every body: URLs relative to a body's folder follow it there.
@Suite struct PrintLinksTests {
    @Test(arguments: [
        ("<img src=\"../articles/img/a.png\" alt=\"\" />", "<img src=\"articles/img/a.png\" alt=\"\" />"),
        ("<img src=\"img/a.svg\" class=\"center\"/>", "<img src=\"articles/img/a.svg\" class=\"center\"/>"),
        ("<a href=\"notes.pdf\">x</a>", "<a href=\"articles/notes.pdf\">x</a>"),
        ("<a href=\"../files/r.pdf\">x</a>", "<a href=\"files/r.pdf\">x</a>"),
        ("<a href=\"../terms/django.html#used-by\">x</a>", "<a href=\"#term-django--used-by\">x</a>"),
        ("<a href=\"#setup\">x</a>", "<a href=\"#article-guide--setup\">x</a>"),
        ("<img src=\"https://example.com/a.png\">", "<img src=\"https://example.com/a.png\">"),
        ("<img src=\"data:image/png;base64,AA\">", "<img src=\"data:image/png;base64,AA\">"),
        ("<a href=\"mailto:a@b.c\">x</a>", "<a href=\"mailto:a@b.c\">x</a>"),
        ("<a href=\"\">x</a>", "<a href=\"\">x</a>"),
    ])
    func relativeURLsAreRebasedToTheRoot(_ body: String, _ expected: String) {
        #expect(PrintLinks.rewrite(body, for: ItemID(.article, "articles/guide")) == expected)
    }

    @Test(arguments: [
        ("<img src=\"../articles/img/a.png\" alt=\"\" />", "<img src=\"../articles/img/a.png\" alt=\"\" />"),
        ("<img src=\"img/a.svg\" class=\"center\"/>", "<img src=\"../articles/img/a.svg\" class=\"center\"/>"),
        ("<a href=\"../files/r.pdf\">x</a>", "<a href=\"../files/r.pdf\">x</a>"),
    ])
    func aVolumeOneFolderDownKeepsTheFolderClimb(_ body: String, _ expected: String) {
        #expect(PrintLinks.rewrite(body, for: ItemID(.article, "articles/guide"), in: "print/articles-1.html") == expected)
    }
}
