/// Interview kits: one printable page per role (`archetypes/<slug>-kit.html`), also carried by the print page.
extension SiteRenderer {
    /// The kit's path under the output folder.
    static func kitPath(_ slug: String) -> String { "archetypes/\(slug)-kit.html" }

    /// The kit of `archetype` as its own page (`inPrint` false) or as a part of the print page, where links point
    /// at sections of that page.
    func kitView(_ archetype: Archetype, inPrint: Bool = false, printFile: String = "print.html") -> KitView {
        let printRoot = printFile.contains("/") ? "../" : ""
        func printURL(_ id: ItemID) -> String { printBook.url(of: id, anchor: PrintLinks.anchor(id), from: printFile) }
        let id = archetype.document.id
        let signals = archetype.signals
        let terms = resolved(archetype.uses, .term).compactMap { content.document($0) }
        return KitView(
            root: inPrint ? printRoot : "../", id: "kit-\(id.slug)", title: archetype.document.title.value,
            summary: archetype.document.summary,
            roleURL: inPrint ? printURL(id) : "../" + id.url, salaryPremium: archetype.salaryPremium,
            builds: archetype.builds, mustHave: archetype.mustHave,
            questions: archetype.interviewQuestions.map { QuestionView(question: $0.question, strong: $0.strong, weak: $0.weak) },
            signals: SignalsView(green: signals.green, yellow: signals.yellow, red: signals.red),
            hasSignals: !(signals.green.isEmpty && signals.yellow.isEmpty && signals.red.isEmpty),
            glossary: terms.map { term in
                LinkView(
                    title: term.title.value, url: inPrint ? printURL(term.id) : "../" + term.id.url,
                    summary: term.summary)
            }, titleLevel: inPrint ? 2 : 1, sectionLevel: inPrint ? 3 : 2,
            review: review(archetype.document))
    }

    /// The kit page of `archetype`, framed like every page.
    func kitPage(_ archetype: Archetype) -> (OutputFile?, Diagnostic?) {
        let document = archetype.document
        return frame(
            Self.kitPath(document.slug), template: "archetype-kit", view: kitView(archetype),
            title: "Interview kit: \(document.title.value)", nav: "archetypes",
            description: "Screening call kit for the \(document.title.value) role: questions with strong and weak answers, signals, stack.")
    }
}
