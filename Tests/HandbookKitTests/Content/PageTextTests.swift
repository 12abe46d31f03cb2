import Testing

@testable import HandbookKit

/// What a page without front matter says of itself: title from its first `# heading`, summary from its first paragraph.
@Suite struct PageTextTests {
    @Test(arguments: [
        ("# Hiring manager intro call\n\nText.\n", "Hiring manager intro call", 0),
        ("\n\n# The *best* `guide` ##\n", "The best guide", 2),
        ("Onboarding\n==========\n\nText.\n", "Onboarding", 0),
        ("[![badge](b.svg)](x)\n\n# After a badge\n", "After a badge", 2),
        ("```\n# not a heading\n```\n# Real one {#custom}\n", "Real one", 3),
        ("## Only a second level\n\n# Later title\n", "Later title", 2),
        ("# [Linked](x.md) and [[wiki|Wiki]] and snake_case\n", "Linked and Wiki and snake_case", 0),
    ])
    func titles(_ body: String, _ title: String, _ line: Int) throws {
        let found = try #require(PageText.title(in: body))
        #expect(found.title == title)
        #expect(found.line == line)
        // The heading's lines are emptied, not removed: later lines keep their numbers.
        #expect(
            found.body.split(separator: "\n", omittingEmptySubsequences: false).count
                == body.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!found.body.contains(title.prefix(5)) || title.hasPrefix("Real"))
    }

    @Test(arguments: ["Text only.\n", "#hashtag is not a heading\n", "    # indented code\n", "Two lines\nof text\n=====\n"])
    func noTitle(_ body: String) {
        #expect(PageText.title(in: body) == nil)
    }

    @Test func withFrontMatterOnlyAnOpeningHeadingCounts() {
        #expect(PageText.title(in: "\n# Intro\n\nText.\n", firstBlockOnly: true)?.title == "Intro")
        #expect(PageText.title(in: "Text first.\n\n# Intro\n", firstBlockOnly: true) == nil)
        #expect(PageText.title(in: "## Part\n\n# Intro\n", firstBlockOnly: true) == nil)
    }

    @Test(arguments: [
        ("# T\n\nA thirty-minute call. Then more.\n", "A thirty-minute call."),
        (
            "# T\n\n![img](a.png)\n\n> quote\n\n- item\n\nThe **first** real [paragraph](x.md),\nover two lines. Next.\n",
            "The first real paragraph, over two lines."
        ),
        (
            "```\ncode\n```\n\nAfter e.g. this one is long enough to be a sentence. Yes.\n",
            "After e.g. this one is long enough to be a sentence."
        ),
        ("Setext\n======\n\nBody.\n", "Body."),
        ("| a | b |\n|---|---|\n\n<div>x</div>\n\n[TOC]\n\nText\n", "Text"),
        ("", ""),
    ])
    func summaries(_ body: String, _ summary: String) {
        #expect(PageText.summary(of: body) == summary)
    }

    @Test func aLongFirstSentenceIsCutAtAWord() {
        let long = String(repeating: "word ", count: 80) + "end."
        let summary = PageText.summary(of: long)
        #expect(summary.hasSuffix("…"))
        #expect(summary.count <= 201)
        #expect(!summary.contains("  "))
    }

    @Test(arguments: [("hm_intro_call", "Hm intro call"), ("Required-posting-page", "Required posting page"), ("FAQ", "FAQ")])
    func titlesFromFileNames(_ name: String, _ title: String) {
        #expect(PageText.title(fromName: name) == title)
    }

    @Test(arguments: [
        ("  café \t au  lait ", "café au lait"), ("a  b", "a b"),
        // A space that begins a longer grapheme (here with a combining accent) is no space.
        ("x  \u{301}y", "x  \u{301}y"),
    ])
    func spacesCollapse(_ text: String, _ plain: String) {
        #expect(PageText.plain(text) == plain)
    }
}
