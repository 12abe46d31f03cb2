/// What the Markdown stage knows about the whole site: shared by every page, immutable, built once.
public struct MarkdownSite: Sendable {
    let content: ContentSet
    let names: NameIndex
    /// Content-relative file paths ("terms/django.md", "People_Ops/hm_intro_call.md") to items, for `.md` links.
    let files: [String: ItemID]
    /// Items by their key without ".md" (`people-ops/hm-intro-call`, `terms/django`): a link written with another
    /// case or spelling of the same name (`../People_Ops/HM_Intro_Call.md`) finds its page as the URL would.
    let keys: [String: ItemID]
    /// Section keys (`people-ops/hiring`), for links to a folder (`../hiring/`), which go to its page.
    let sections: Set<String>
    /// Content-relative paths of the files published as they are (images, PDFs).
    let assets: Set<String>
    /// Page URLs ("terms/django.html") to items, for links written to the built page.
    let pages: [String: ItemID]
    /// Sources ("articles/<slug>.md") of drafts left out of this build.
    let drafts: Set<String>
    let matcher: GlossaryMatcher
    /// The matcher's term numbers to term slugs.
    let matcherTerms: [String]
    /// Term slugs to their summaries, escaped for the `data-tip` attribute of every link to the term.
    let tips: [String: String]
    /// Lowercased names that belong to items of more than one kind: a mention of them is ambiguous.
    let sharedNames: Set<String>
    let unsafeHTML: Bool

    /// Everything of the site a body can read besides its own page: every item's identity, file, title and names,
    /// the glossary's terms, the files and folders links may name, and the binary that renders. Equal fingerprints and
    /// equal pages give equal bodies (`BodyCache`).
    var fingerprint: Digest {
        var text = "handbook-bodies-site 1\n\(InputFingerprint.binaryStamp())\nunsafe_html=\(unsafeHTML)\n"
        for document in content.documents {
            text += "\(document.id)\u{1F}\(document.source)\u{1F}\(document.path)\u{1F}\(document.title.value)\n"
        }
        for term in content.terms {
            text += "term \(term.document.slug)\u{1F}\(term.matchCase)\u{1F}\(term.noAutolink)\u{1F}\(term.document.summary)"
            for alias in term.aliases { text += "\u{1F}" + alias.value }
            text += "\n"
        }
        text += "files\u{1F}" + content.files.joined(separator: "\u{1F}") + "\n"
        text += "sections\u{1F}" + sections.sorted().joined(separator: "\u{1F}") + "\n"
        text += "drafts\u{1F}" + drafts.sorted().joined(separator: "\u{1F}") + "\n"
        return Digest(text)
    }

    /// A page's key in the body cache: the site's fingerprint and every field of the page.
    static func key(_ document: Document, site: Digest) -> Digest {
        var text = "\(site.hex)\u{1F}\(document.id)\u{1F}\(document.path)\u{1F}\(document.source)\u{1F}\(document.title.value)"
        text += "\u{1F}\(document.title.location.line):\(document.title.location.column)\u{1F}\(document.summary)"
        text += "\u{1F}\(document.bodyFirstLine)\u{1F}\(document.titleID ?? "")\u{1F}\(document.summaryFromBody)\u{1F}"
        return Digest(text + document.body)
    }

    init(content: ContentSet, names: NameIndex) {
        self.content = content
        self.names = names
        let documents = content.documents
        var files: [String: ItemID] = [:]
        var keys: [String: ItemID] = [:]
        for document in documents {
            files[document.source] = document.id
            keys[String(document.id.url.dropLast(".html".count))] = document.id
        }
        self.files = files
        self.keys = keys
        sections = Set(content.sections.sections.keys)
        assets = Set(content.files)
        drafts = Set(content.leftOutDrafts)
        pages = Dictionary(uniqueKeysWithValues: documents.map { ($0.id.url, $0.id) })
        let linkable = content.terms.filter { !$0.noAutolink }
        matcherTerms = linkable.map(\.document.slug)
        matcher = GlossaryMatcher(
            names: linkable.map { term in
                ([term.document.title] + term.aliases).map { GlossaryMatcher.Name($0.value, matchCase: term.matchCase) }
            })
        tips = Dictionary(uniqueKeysWithValues: content.terms.map { ($0.document.slug, HTML.escape($0.document.summary)) })
        var kindsByName: [String: Set<Kind>] = [:]
        // Titles and aliases: what prose mentions. Slugs and paths are not words a sentence uses.
        for document in documents { kindsByName[NameIndex.key(document.title.value), default: []].insert(document.kind) }
        for term in content.terms {
            for alias in term.aliases { kindsByName[NameIndex.key(alias.value), default: []].insert(.term) }
        }
        sharedNames = Set(kindsByName.filter { $0.value.count > 1 }.keys)
        unsafeHTML = content.site.unsafeHTML
    }
}

/// One page's rendered body and what was learnt while rendering it.
public struct RenderedBody: Sendable, Equatable {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var id: String
    }

    public var html: String
    /// h2 and h3, in order: the table of contents.
    public var headings: [Heading]
    /// Every item this page links to, by `[[...]]`, `.md` link or glossary mention.
    public var links: Set<ItemID>
    /// Terms linked from this page, in order of first link: the definitions the page carries.
    public var terms: [String]
    public var diagnostics: [Diagnostic]
    /// Links and images checked once every page is rendered (fragments, generated pages).
    public var references: [LinkReference] = []
    /// Ids of raw HTML left out because `unsafe_html` is off.
    public var omittedIDs: Set<String> = []
}
