/// The content of `handbook new site`: one item of each kind, linked to each other, so it builds with `--strict`,
/// and a GitHub workflow that checks and publishes it.
enum StarterSite {
    /// Paths under the site folder and their text.
    static let content: [(path: String, text: String)] = [
        (
            "content/site.yml",
            """
            title: My Handbook
            tagline: What our team knows, in plain words
            description: A searchable handbook of articles, glossary terms, roles and companies.
            language: en
            # base_url: https://handbook.example.com/  # only for sitemap.xml and canonical links
            # review_after_months: 12
            # edit_url: https://github.com/your-org/your-wiki/edit/main/content/{path}  # "Edit this page" on every page
            # git_authors: true  # beside each page's last commit date (from Git), name its author

            """
        ),
        (
            "content/articles/getting-started.md",
            """
            ---
            title: Getting started
            summary: How this handbook is organised and how to add a page to it.
            order: 1
            tags: [guide]
            ---
            This handbook has four kinds of page, each a Markdown file:

            - **Articles** explain a topic from start to end: any Markdown file outside the three folders
              below, in `content/articles/` or in folders of your own, nested as deep as you like (each
              folder is a section). Front matter is optional: the first `# heading` is the title.
            - **Terms** in `content/terms/` define one word each, such as Python. The first mention of a
              term on any other page links to its definition.
            - **Roles** in `content/archetypes/` describe a job to hire for, like the [[Backend developer]].
            - **Companies** in `content/companies/` show who hires for which role, like [[Example Company]].

            Terms, roles and companies start with YAML front matter between two `---` lines.

            ## Adding a page

            Run `handbook new article "A title"` (add `--section people/hiring` to put it in a folder; or
            `term`, `archetype`, `company`), edit the file it creates, and preview the result with `handbook serve`: every page you have open reloads when
            you save.

            """
        ),
        (
            "content/terms/python.md",
            """
            ---
            title: Python
            summary: A general-purpose programming language known for readable code.
            category: language
            aliases: [Python 3]
            ---
            Python runs web back ends, data pipelines, automation scripts and machine-learning systems.

            """
        ),
        (
            "content/archetypes/backend-developer.md",
            """
            ---
            title: Backend developer
            summary: Builds and runs the server side of web applications.
            builds: [Web APIs, Internal tools]
            uses: [python]
            companies: [example-company]
            must_have: [Writes and reviews Python every day]
            interview_questions:
              - Tell me about a service you built and what broke first.
            signals:
              green: [Talks about tests and monitoring without being asked]
              yellow: [Has only followed tutorials]
              red: [Cannot say what their last project did]
            ---
            A backend developer writes the code that answers a website's requests and stores its data.

            """
        ),
        (
            "content/companies/example-company.md",
            """
            ---
            title: Example Company
            industry: Software
            summary: A made-up company that shows how a company page looks.
            scale: 50 engineers
            archetypes: [backend-developer]
            systems:
              - name: Order service
                description: Takes and tracks customer orders.
                stack: [python]
            ---
            Replace this company with one your team hires for.

            """
        ),
        (
            ".gitignore",
            """
            public/
            .public.cache
            .public.history
            .public.bodies
            .build/

            """
        ),
        (".github/workflows/handbook.yml", workflow),
    ]
}
