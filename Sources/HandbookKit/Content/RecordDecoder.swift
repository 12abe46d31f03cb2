import Yams

/// Decodes a content file's front matter into the typed record of its kind.
///
/// Each function returns the record (possibly with placeholder values) and leaves every problem
/// in `diagnostics`; the build stops after validation when any of them is an error.
enum RecordDecoder {
    /// Fields every kind may carry.
    static let reviewFields = ["owner", "reviewed"]
    static let articleFields = ["title", "summary", "order", "tags", "draft"] + reviewFields
    static let termFields = ["title", "summary", "category", "aliases", "related", "match_case", "no_autolink"] + reviewFields
    static let archetypeFields =
        [
            "title", "summary", "builds", "uses", "companies", "salary_premium", "must_have", "interview_questions", "signals",
        ] + reviewFields
    static let companyFields = ["title", "industry", "summary", "scale", "archetypes", "systems"] + reviewFields
    static let siteFields = [
        "title", "tagline", "description", "language", "base_url", "unsafe_html", "review_after_months", "edit_url", "git_authors",
    ]

    static func fields(of kind: Kind) -> [String] {
        switch kind {
        case .article: articleFields
        case .term: termFields
        case .archetype: archetypeFields
        case .company: companyFields
        }
    }

    /// Reads `site.yml`.
    static func site(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        switch YAMLReader.parse(yaml: file.text, file: file, lineOffset: 0, knownFields: siteFields) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(var reader):
            var config = SiteConfig(
                title: reader.requiredString("title").value,
                tagline: reader.string("tagline")?.value ?? "",
                description: reader.string("description")?.value ?? "",
                language: reader.string("language")?.value ?? "en",
                baseURL: reader.string("base_url"),
                unsafeHTML: reader.bool("unsafe_html") ?? false)
            config.editURL = reader.string("edit_url")
            config.gitAuthors = reader.bool("git_authors") ?? false
            if let months = reader.int("review_after_months") {
                if months >= 1 {
                    config.reviewAfterMonths = months
                } else if let node = reader.node("review_after_months") {
                    reader.typeError(node, field: "review_after_months", expected: "a whole number of months, 1 or more")
                }
            }
            diagnostics += reader.diagnostics
            return config
        }
    }

    /// The decoded record of one content file.
    enum Record: Sendable {
        case article(Article)
        case term(Term)
        case archetype(Archetype)
        case company(Company)
    }

    /// `source` is the file's path under `content/`.
    static func record(_ id: ItemID, source: String, file: SourceFile, diagnostics: inout [Diagnostic]) -> Record? {
        if id.kind == .article { return page(id, source: source, file: file, diagnostics: &diagnostics) }
        let parts: FrontMatter
        switch FrontMatter.split(file) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let split):
            parts = split
        }
        let lineOffset = parts.yamlFirstLine - 1
        switch YAMLReader.parse(yaml: parts.yaml, file: file, lineOffset: lineOffset, knownFields: fields(of: id.kind)) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(var reader):
            var document = Document(
                id: id, path: file.path, title: reader.requiredString("title"),
                summary: reader.requiredString("summary").value,
                body: parts.body, bodyFirstLine: parts.bodyFirstLine)
            document.source = source
            document.owner = reader.string("owner")?.value
            document.reviewed = reviewed(&reader)
            let record: Record
            switch id.kind {
            case .article: record = .article(article(document, &reader))
            case .term: record = .term(term(document, &reader))
            case .archetype: record = .archetype(archetype(document, &reader))
            case .company: record = .company(company(document, &reader))
            }
            diagnostics += reader.diagnostics
            return record
        }
    }

    /// A page: front matter is optional and may carry any key (a wiki's pages carry other tools' keys). The title is the
    /// front matter's, else the first `# heading`'s (taken out of the body: the page shows it once), else the file
    /// name's; the summary the front matter's, else the first paragraph's first sentence.
    private static func page(_ id: ItemID, source: String, file: SourceFile, diagnostics: inout [Diagnostic]) -> Record? {
        var reader: YAMLReader?
        var body = file.text
        var bodyFirstLine = 1
        if hasFrontMatter(file.text) {
            switch FrontMatter.split(file) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            case .success(let parts):
                switch YAMLReader.parse(yaml: parts.yaml, file: file, lineOffset: parts.yamlFirstLine - 1, knownFields: nil) {
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    return nil
                case .success(let parsed): reader = parsed
                }
                body = parts.body
                bodyFirstLine = parts.bodyFirstLine
            }
        } else if body.hasPrefix("\u{FEFF}") {
            body.removeFirst()
        }
        let declared = reader?.string("title").flatMap { $0.value.allSatisfy(\.isWhitespace) ? nil : $0 }
        var title = declared ?? Located(PageText.title(fromName: fallbackName(source)), at: file.location(line: 1))
        var titleID: String?
        if let heading = PageText.title(in: body, firstBlockOnly: declared != nil),
            declared.map({ NameIndex.key($0.value) == NameIndex.key(heading.title) }) ?? true
        {
            if declared == nil { title = Located(heading.title, at: file.location(line: bodyFirstLine + heading.line)) }
            titleID = HeadingIDs.base(for: heading.title)
            body = heading.body
        }
        var document = Document(
            id: id, path: file.path, title: title,
            summary: reader?.string("summary")?.value ?? PageText.summary(of: body), body: body, bodyFirstLine: bodyFirstLine)
        document.source = source
        document.titleID = titleID
        document.summaryFromBody = reader?.string("summary") == nil
        guard var reader else {
            return .article(Article(document: document, order: nil, tags: [], draft: false))
        }
        // Other tools' keys stay quiet; one a letter or two from a page field is a typo worth a word.
        for (name, location) in reader.keyLocations.sorted(by: { $0.key < $1.key }) where !articleFields.contains(name) {
            let hint = Suggestion.suffix(for: name, in: articleFields)
            if !hint.isEmpty { reader.diagnostics.append(.warning("unknown-field", at: location, "unknown field '\(name)'\(hint)")) }
        }
        document.owner = reader.string("owner")?.value
        document.reviewed = reviewed(&reader)
        let article = article(document, &reader)
        diagnostics += reader.diagnostics
        return .article(article)
    }

    /// Whether the file opens with a `---` line (after a byte order mark).
    private static func hasFrontMatter(_ text: String) -> Bool {
        var line = text.utf8.prefix { $0 != UInt8(ascii: "\n") }
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            line = line.dropLast()
        }
        return line.elementsEqual("---".utf8)
    }

    /// The name a page without a title goes by: its file's, or its folder's for an index or README.
    private static func fallbackName(_ source: String) -> String {
        let file = PagePath.name(of: source)
        let stem = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        guard PagePath.isIndex(stem) else { return stem }
        let folder = PagePath.folder(of: source)
        return folder.isEmpty ? "Home" : PagePath.name(of: folder)
    }

    /// `reviewed`: an ISO date, `YYYY-MM-DD`.
    private static func reviewed(_ reader: inout YAMLReader) -> Located<CalendarDate>? {
        guard let text = reader.string("reviewed") else { return nil }
        guard let date = CalendarDate(iso: text.value) else {
            reader.diagnostics.append(
                .error(
                    "bad-date", at: text.location,
                    "'reviewed' must be a date written YYYY-MM-DD, such as 2026-11-20; found '\(text.value)'"))
            return nil
        }
        return Located(date, at: text.location)
    }

    private static func article(_ document: Document, _ reader: inout YAMLReader) -> Article {
        Article(
            document: document, order: reader.int("order"), tags: reader.strings("tags"),
            draft: reader.bool("draft") ?? false)
    }

    private static func term(_ document: Document, _ reader: inout YAMLReader) -> Term {
        let category = reader.requiredString("category")
        let names = Term.Category.allCases.map(\.rawValue)
        var resolved = Term.Category(rawValue: category.value.lowercased())
        if resolved == nil, reader.has("category") {
            let hint = Suggestion.suffix(for: category.value, in: names)
            let list = names.joined(separator: ", ")
            reader.diagnostics.append(
                .error("bad-category", at: category.location, "unknown category '\(category.value)'\(hint) (one of: \(list))"))
            resolved = .concept
        }
        return Term(
            document: document, category: resolved ?? .concept, aliases: reader.strings("aliases"),
            related: reader.strings("related"), matchCase: reader.bool("match_case") ?? false,
            noAutolink: reader.bool("no_autolink") ?? false)
    }

    private static func archetype(_ document: Document, _ reader: inout YAMLReader) -> Archetype {
        var signals = Archetype.Signals()
        if let node = reader.node("signals"), var nested = reader.nested(node, field: "signals", knownFields: ["green", "yellow", "red"]) {
            signals.green = nested.strings("green").map(\.value)
            signals.yellow = nested.strings("yellow").map(\.value)
            signals.red = nested.strings("red").map(\.value)
            reader.diagnostics += nested.diagnostics
        }
        return Archetype(
            document: document, builds: reader.strings("builds", required: true).map(\.value),
            uses: reader.strings("uses", required: true), companies: reader.strings("companies"),
            salaryPremium: reader.string("salary_premium")?.value, mustHave: reader.strings("must_have").map(\.value),
            interviewQuestions: interviewQuestions(&reader), signals: signals)
    }

    /// `interview_questions`: each item a question, or `{question, strong, weak}`.
    private static func interviewQuestions(_ reader: inout YAMLReader) -> [InterviewQuestion] {
        guard let node = reader.node("interview_questions"), node.tag.rawValue != Tag.Name.null.rawValue else { return [] }
        guard let items = node.sequence else {
            reader.typeError(node, field: "interview_questions", expected: "a list of questions")
            return []
        }
        return items.compactMap { item in
            if item.mapping != nil {
                guard var nested = reader.nested(item, field: "interview_questions", knownFields: ["question", "strong", "weak"]) else {
                    return nil
                }
                let question = InterviewQuestion(
                    question: nested.requiredString("question").value, strong: nested.string("strong")?.value,
                    weak: nested.string("weak")?.value)
                reader.diagnostics += nested.diagnostics
                return question
            }
            return reader.string(in: item, field: "interview_questions").map { InterviewQuestion(question: $0.value) }
        }
    }

    private static func company(_ document: Document, _ reader: inout YAMLReader) -> Company {
        var systems: [Company.System] = []
        if let node = reader.node("systems") {
            if let items = node.sequence {
                for item in items {
                    guard var nested = reader.nested(item, field: "systems", knownFields: ["name", "description", "stack"]) else {
                        continue
                    }
                    systems.append(
                        Company.System(
                            name: nested.requiredString("name").value, description: nested.string("description")?.value ?? "",
                            stack: nested.strings("stack")))
                    reader.diagnostics += nested.diagnostics
                }
            } else {
                reader.typeError(node, field: "systems", expected: "a list of {name, description, stack}")
            }
        }
        return Company(
            document: document, industry: reader.requiredString("industry").value, scale: reader.string("scale")?.value,
            archetypes: reader.strings("archetypes"), systems: systems)
    }
}
