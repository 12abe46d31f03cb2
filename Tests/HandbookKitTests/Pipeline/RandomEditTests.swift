import Foundation
import Testing

@testable import HandbookKit

/// What an incremental build keeps (bodies keyed by page and glossary, output files linked when unchanged) never
/// shows in its output: 200 random edits to a small wiki (articles and pages without front matter added, removed,
/// renamed and edited, terms added and removed, their aliases and summaries changed, links broken and fixed), and
/// after each one the build that reuses the last build's cache must equal a build from nothing, byte for byte, or
/// fail with the same diagnostics.
@Suite struct RandomEditTests {
    /// SplitMix64: the same edits on every machine; a failure names its seed and step.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// The wiki as files, rewritten to disk after each edit.
    struct Wiki {
        var terms: [String: (title: String, summary: String, aliases: [String])] = [:]
        /// Path under content/ → (title or nil for a page titled by its heading, body).
        var pages: [String: (title: String?, body: String)] = [:]
        var nextName = 0

        /// An author removing a page also removes the lines linking it; renaming it, updates them.
        mutating func remove(_ path: String) {
            pages[path] = nil
            for (key, page) in pages {
                pages[key]?.body = page.body.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.contains("@@\(path)@@") }.joined(separator: "\n")
            }
        }

        mutating func rename(_ path: String, to renamed: String) {
            pages[renamed] = pages.removeValue(forKey: path)
            for (key, page) in pages { pages[key]?.body = page.body.replacingOccurrences(of: "@@\(path)@@", with: "@@\(renamed)@@") }
        }

        mutating func name(_ stem: String) -> String {
            nextName += 1
            return "\(stem)-\(nextName)"
        }

        func files() -> [String: String] {
            var files: [String: String] = [:]
            for (slug, term) in terms {
                let aliases = term.aliases.isEmpty ? "" : "\naliases: [\(term.aliases.joined(separator: ", "))]"
                files["terms/\(slug).md"] = file(
                    "title: \(term.title)\nsummary: \(term.summary)\ncategory: concept\(aliases)", "What \(term.title) is.\n")
            }
            for (path, page) in pages {
                // Links are kept as `@@target@@` and written relative to the page.
                var body = page.body
                for target in pages.keys { body = body.replacingOccurrences(of: "@@\(target)@@", with: Self.link(from: path, to: target)) }
                files[path] = page.title.map { file("title: \($0)\nsummary: About \($0).", body) } ?? body
            }
            return files
        }

        /// A relative link from `path` to `target`, both under content/.
        static func link(from path: String, to target: String) -> String {
            let depth = path.split(separator: "/").count - 1
            return String(repeating: "../", count: depth) + target
        }
    }

    @Test func twoHundredEditsLeaveNoTraceOfTheCache() throws {
        let seed: UInt64 = 20_261_204
        var random = Random(state: seed)
        var wiki = Wiki()
        let words = ["sourcing", "offer", "pipeline", "screen", "panel", "feedback", "rubric", "salary", "referral", "onboarding"]
        for index in 0..<6 {
            let title = words[index].capitalized
            wiki.terms[words[index]] = (title, "A word about \(words[index]).", index % 2 == 0 ? ["\(words[index])s"] : [])
        }
        for index in 0..<8 {
            let path = index % 2 == 0 ? "articles/article-\(index).md" : "guides/team_\(index)/Page_\(index).md"
            wiki.pages[path] =
                index % 2 == 0 ? ("Article \(index)", "Talks about \(words[index % 6]).\n") : (nil, "# Page \(index)\n\nText.\n")
        }
        let site = try TestSite(wiki.files(), site: "title: Random Wiki\n")
        defer { site.remove() }
        var written = wiki.files()
        var broken: String?
        var compared = 0
        var scoped = 0
        var serveOptions = site.options()
        serveOptions.output = site.root.appendingPathComponent("serve")
        var served = try Build.run(serveOptions, keeping: true).kept

        for step in 1...200 {
            var description = ""
            let pagePaths = wiki.pages.keys.sorted()
            let termSlugs = wiki.terms.keys.sorted()
            if let path = broken, let page = wiki.pages[path] {
                wiki.pages[path]?.body = page.body.replacingOccurrences(of: "[gone](missing.md)\n", with: "")
                broken = nil
                description += "fix the broken link in \(path); "
            }
            switch random.below(12) {
            case 0 where wiki.pages.count < 14:
                let folder = random.pick(["articles", "guides/team_1", "guides/new_team"])
                let path = "\(folder)/\(wiki.name("Added_page")).md"
                wiki.pages[path] =
                    random.below(2) == 0 ? ("Added \(step)", "New text on \(random.pick(words)).\n") : (nil, "# Added \(step)\n\nNew.\n")
                description += "add \(path)"
            case 1 where wiki.pages.count > 4:
                let path = random.pick(pagePaths)
                if path != broken {
                    wiki.remove(path)
                    description += "remove \(path)"
                }
            case 2 where wiki.pages.count > 2:
                let path = random.pick(pagePaths)
                if path != broken {
                    let folder = path.split(separator: "/").dropLast().joined(separator: "/")
                    let renamed = "\(folder)/\(wiki.name("renamed")).md"
                    wiki.rename(path, to: renamed)
                    description += "rename \(path) to \(renamed)"
                }
            case 3:
                let path = random.pick(pagePaths)
                // "hiring x" is an alias some steps give term x and others take away.
                wiki.pages[path]?.body += "It mentions \(random.pick(words)) and hiring \(random.pick(words)) (step \(step)).\n"
                description += "mention terms in \(path)"
            case 4:
                let (from, to) = (random.pick(pagePaths), random.pick(pagePaths))
                wiki.pages[from]?.body += "See [the other page](@@\(to)@@).\n"
                description += "link \(from) to \(to)"
            case 5:
                let path = random.pick(pagePaths)
                if wiki.pages[path]?.title != nil {
                    wiki.pages[path]?.title = "Retitled \(step)"
                } else {
                    wiki.pages[path]?.body = "# Heading \(step)\n\nFirst paragraph, step \(step).\n"
                }
                description += "retitle \(path)"
            case 6:
                let slug = random.pick(termSlugs)
                wiki.terms[slug]?.aliases = random.below(2) == 0 ? [] : ["hiring \(slug)", "\(slug)-\(step)"]
                description += "aliases of \(slug)"
            case 7:
                let slug = random.pick(termSlugs)
                wiki.terms[slug]?.summary = "Summary \(step) of \(slug)."
                description += "summary of \(slug)"
            case 8 where wiki.terms.count < 10 || wiki.terms.count > 3:
                let unused = words.filter { wiki.terms[$0] == nil }
                if wiki.terms.count < 10, let word = unused.first, random.below(2) == 0 {
                    wiki.terms[word] = (word.capitalized, "Added term \(word).", [])
                    description += "add term \(word)"
                } else if wiki.terms.count > 3 {
                    let slug = random.pick(termSlugs)
                    wiki.terms[slug] = nil
                    description += "remove term \(slug)"
                }
            case 10, 11:
                // Text alone: what `serve` rebuilds without a full build (`Build.update`).
                let path = random.pick(pagePaths)
                wiki.pages[path]?.body += random.below(2) == 0 ? "Plain words, step \(step).\n" : "\nA paragraph of step \(step).\n"
                description += "edit the text of \(path)"
            default:
                // A link to a page that does not exist: the build fails, and the next step fixes it.
                let path = random.pick(pagePaths)
                wiki.pages[path]?.body += "[gone](missing.md)\n"
                broken = path
                description += "break a link in \(path)"
            }
            // Only what changed is written, as an editor would.
            let files = wiki.files()
            for (path, text) in files where written[path] != text { try site.write(path, text) }
            for path in written.keys where files[path] == nil {
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/\(path)"))
            }
            let changed = Set(files.keys).union(written.keys).filter { files[$0] != written[$0] }.sorted()
            written = files
            if try expectIncrementalEqualsFull(site, "seed \(seed), step \(step): \(description)") { compared += 1 }
            // `serve`: the scoped rebuild when it applies, else a full build that keeps its state.
            if var state = served, let (report, index) = Build.update(&state, changed: changed) {
                state.searchFiles = index.write(index.files(), over: state.searchFiles)
                served = state
                scoped += 1
                #expect(!report.failed)
            } else {
                served = try Build.run(serveOptions, keeping: true).kept
            }
            if served != nil {
                let (a, b) = (
                    try TemplatePlanDifferentialTests.files(in: serveOptions.output),
                    try TemplatePlanDifferentialTests.files(in: site.root.appendingPathComponent("full"))
                )
                let differing = Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
                #expect(differing.isEmpty, "serve, seed \(seed), step \(step): \(description): \(differing.prefix(5))")
            }
        }
        #expect(scoped > 20, "the scoped rebuild ran \(scoped) times")
        // Most steps build (a broken link fails a few until it is fixed): their outputs were compared.
        #expect(compared > 150)
    }

    /// Whether both builds succeeded (and so were compared file by file).
    private func expectIncrementalEqualsFull(_ site: TestSite, _ context: String) throws -> Bool {
        var kept = site.options()
        kept.useCache = true
        let incremental = try Build.run(kept)
        var fresh = site.options()
        fresh.output = site.root.appendingPathComponent("full")
        fresh.useCache = false
        let full = try Build.run(fresh)
        #expect(incremental.diagnostics.map(\.formatted) == full.diagnostics.map(\.formatted), "\(context)")
        guard !incremental.failed, !full.failed else { return false }
        let (a, b) = (try TemplatePlanDifferentialTests.files(in: kept.output), try TemplatePlanDifferentialTests.files(in: fresh.output))
        #expect(a.keys.sorted() == b.keys.sorted(), "\(context)")
        let differing = a.keys.sorted().filter { a[$0] != b[$0] }
        #expect(differing.isEmpty, "\(context): \(differing.prefix(5))")
        return true
    }
}
