/// What a reader sees of each page, as search documents: records with every field a template shows,
/// and the pages gathered from many records (question bank, checklist, roles compared).
extension SearchDocument {
    static func documents(content: ContentSet, bodies: [ItemID: RenderedBody]) -> [SearchDocument] {
        // Drafts are previews: they never enter the index, even with --drafts.
        let drafts = Set(content.articles.filter(\.draft).map(\.document.id))
        let tags = Dictionary(uniqueKeysWithValues: content.articles.map { ($0.document.id, $0.tags.map(\.value)) })
        let terms = Dictionary(uniqueKeysWithValues: content.terms.map { ($0.document.id, $0) })
        let archetypes = Dictionary(uniqueKeysWithValues: content.archetypes.map { ($0.document.id, $0) })
        let companies = Dictionary(uniqueKeysWithValues: content.companies.map { ($0.document.id, $0) })
        let pages = content.documents.filter { !drafts.contains($0.id) }
        var documents = pages.parallelMap { document -> SearchDocument in
            let body = bodies[document.id]
            var result = SearchDocument(
                kind: document.kind.rawValue, title: document.title.value, url: document.id.url, summary: document.summary,
                headings: body?.headings ?? [], tags: tags[document.id] ?? [])
            if document.kind == .article { result.section = content.sections.path(of: document.id) }
            var top: [String] = []
            var sections: [Part] = []
            if let term = terms[document.id] {
                result.aliases = term.aliases.map(\.value)
                sections.append(Part(anchor: "", text: "Category: \(term.category.rawValue)."))
            } else if let archetype = archetypes[document.id] {
                if let premium = archetype.salaryPremium { top.append("Salary premium: \(premium).") }
                top.append("Builds: \(archetype.builds.joined(separator: "; ")).")
                sections += section("must-have", "Must-have skills", archetype.mustHave, into: &result)
                sections += section(
                    "interview-questions", "Interview questions", archetype.interviewQuestions.map(\.question), into: &result)
                let signals = archetype.signals
                let flags = [("Green flags", signals.green), ("Yellow flags", signals.yellow), ("Red flags", signals.red)]
                    .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1.joined(separator: "; "))." }
                sections += section("signals", "Résumé and portfolio signals", flags, into: &result)
            } else if let company = companies[document.id] {
                top.append("Industry: \(company.industry).")
                if let scale = company.scale { top.append("Scale: \(scale).") }
                let systems = company.systems.map { "\($0.name): \($0.description)" }
                sections += section("systems", "What it builds with Python", systems, into: &result)
            }
            if !top.isEmpty { result.parts.append(Part(anchor: "", text: top.joined(separator: " "))) }
            result.parts.append(Part(anchor: "", text: HTML.text(body?.html ?? ""), isBody: true))
            result.parts += sections
            return result
        }
        documents += gatheredPages(content)
        return documents
    }

    /// A record field's section: its heading joins the page's anchors, its items one part of the text.
    private static func section(_ id: String, _ heading: String, _ items: [String], into document: inout SearchDocument) -> [Part] {
        guard !items.isEmpty else { return [] }
        document.headings.append(RenderedBody.Heading(level: 2, text: heading, id: id))
        return [Part(anchor: id, text: "\(heading): \(items.joined(separator: " "))")]
    }

    /// The question bank, the screening checklist and the roles compared: one section per role.
    private static func gatheredPages(_ content: ContentSet) -> [SearchDocument] {
        func page(_ url: String, _ title: String, _ summary: String, _ rows: [(Archetype, String)]) -> SearchDocument {
            var document = SearchDocument(kind: "page", title: title, url: url, summary: summary)
            for (archetype, text) in rows {
                let id = url == "archetypes/index.html" ? "" : "role-\(archetype.document.slug)"
                if !id.isEmpty { document.headings.append(RenderedBody.Heading(level: 2, text: archetype.document.title.value, id: id)) }
                document.parts.append(Part(anchor: id, text: "\(archetype.document.title.value): \(text)", isBody: true))
            }
            return document
        }
        let roles = content.archetypes
        let questions = roles.filter { !$0.interviewQuestions.isEmpty }.map {
            ($0, $0.interviewQuestions.map(\.question).joined(separator: " "))
        }
        let checklist = roles.compactMap { role -> (Archetype, String)? in
            let flags = [("Green flags", role.signals.green), ("Yellow flags", role.signals.yellow), ("Red flags", role.signals.red)]
                .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1.joined(separator: "; "))." }
            return flags.isEmpty ? nil : (role, flags.joined(separator: " "))
        }
        let compared = roles.map { role in
            (
                role,
                "\(role.document.summary) Builds: \(role.builds.joined(separator: "; ")). Salary premium: \(role.salaryPremium ?? "—"). "
                    + "Must-haves: \(role.mustHave.joined(separator: "; "))."
            )
        }
        var pages: [SearchDocument] = roles.filter { !$0.interviewQuestions.isEmpty }.map { role in
            // The printable interview kit: each question with what a strong and a weak answer sound like.
            let answers = role.interviewQuestions.map { item in
                [item.question, item.strong.map { "Strong answer: \($0)" }, item.weak.map { "Weak answer: \($0)" }]
                    .compactMap { $0 }.joined(separator: " ")
            }
            var kit = SearchDocument(
                kind: "page", title: "Interview kit: \(role.document.title.value)", url: SiteRenderer.kitPath(role.document.slug),
                summary: "Screening call kit for the \(role.document.title.value) role: questions with strong and weak answers.")
            kit.parts = [Part(anchor: "", text: answers.joined(separator: " "), isBody: true)]
            return kit
        }
        if !questions.isEmpty {
            pages.append(
                page(
                    "questions.html", "Interview question bank",
                    "Every role's interview questions in one list, to ask the ones that match the role you are hiring for.", questions))
        }
        if !checklist.isEmpty {
            pages.append(
                page(
                    "checklist.html", "Screening checklist",
                    "The green, yellow and red flags of each role, to run through while reading a résumé or a portfolio.", checklist))
        }
        if !roles.isEmpty {
            pages.append(
                page(
                    "archetypes/index.html", "Roles compared",
                    "What each Python role builds, the tools it uses, its salary premium and its must-have skills, side by side.",
                    compared))
        }
        return pages
    }
}
