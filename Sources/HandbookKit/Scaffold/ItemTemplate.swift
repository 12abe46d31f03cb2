/// The text of a new content file: valid front matter with every required field, optional fields as comments.
enum ItemTemplate {
    /// A new item titled `title`; placeholders say what to write and pass validation as they are.
    static func text(for kind: Kind, title: String) -> String {
        let name = yamlString(title)
        switch kind {
        case .article:
            return """
                ---
                title: \(name)
                summary: One or two sentences that tell a recruiter what this article answers.
                # order: 10
                # tags: [hiring]
                # draft: true
                # owner: Who keeps this page true
                # reviewed: YYYY-MM-DD  # the day it was last checked; check warns when it gets old
                ---
                Write the article here. The first mention of each glossary term links to its page, and
                a title, slug or alias in double square brackets links to that item.

                """
        case .term:
            return """
                ---
                title: \(name)
                summary: "One plain sentence that defines \(yamlInline(title)) for someone who does not write code."
                category: concept  # language, framework, library, tool, platform, practice or concept
                # aliases: [Other name]
                # related: [another-term]
                # owner: Who keeps this page true
                # reviewed: YYYY-MM-DD  # the day it was last checked; check warns when it gets old
                ---
                Explain what \(title) is, who uses it and what a recruiter should listen for.

                """
        case .archetype:
            return """
                ---
                title: \(name)
                summary: One sentence on what this role does all day.
                builds: [What people in this role build]
                uses: []  # glossary terms this role works with, by slug or title
                # companies: [a-company]
                # salary_premium: How pay compares with a general Python developer
                # must_have: [A skill the role cannot do without]
                # interview_questions:
                #   - A question to ask
                #   - question: A question with what answers sound like
                #     strong: What a strong answer says
                #     weak: What a weak answer says
                # signals:
                #   green: [A good sign]
                #   yellow: [Worth a follow-up question]
                #   red: [A warning sign]
                # owner: Who keeps this page true
                # reviewed: YYYY-MM-DD  # the day it was last checked; check warns when it gets old
                ---
                Describe the role: the work, the tools and how to tell a strong candidate.

                """
        case .company:
            return """
                ---
                title: \(name)
                industry: The industry it works in
                summary: One sentence on what the company does with Python.
                # scale: How big it is
                # archetypes: [a-role]
                # systems:
                #   - name: A system it runs
                #     description: What the system does
                #     stack: [a-term]
                # owner: Who keeps this page true
                # reviewed: YYYY-MM-DD  # the day it was last checked; check warns when it gets old
                ---
                Describe what the company builds with Python and the roles it hires for.

                """
        }
    }

    /// A double-quoted YAML scalar: safe for any title (colons, quotes, leading dashes).
    static func yamlString(_ text: String) -> String {
        "\"" + yamlInline(text) + "\""
    }

    /// The inside of a double-quoted YAML scalar.
    static func yamlInline(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
