import Foundation

/// What a build did: its diagnostics, the pages it made and how long each stage took.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Pages written, by kind label, e.g. "terms": 64.
    public var pageCounts: [(kind: String, count: Int)]
    public var stageTimes: [(stage: String, seconds: Double, cpuSeconds: Double)]
    public var wroteOutput: Bool
    public var strict: Bool
    /// What `--verbose` says besides the stage times, e.g. which templates swift-mustache rendered and why.
    public var notes: [String] = []

    /// Errors, or warnings under `--strict`, fail the run.
    public var failed: Bool {
        diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0)
    }

    public var totalSeconds: Double { stageTimes.reduce(0) { $0 + $1.seconds } }

    /// "Built 12 articles, 64 terms, 6 roles, 11 companies, 30 other pages in 0.42 s".
    public var summaryLine: String {
        let counts = pageCounts.map { "\($0.count) \($0.count == 1 ? Self.singular[$0.kind] ?? $0.kind : $0.kind)" }
        let verb = wroteOutput ? "Built" : "Checked"
        return "\(verb) \(counts.joined(separator: ", ")) in \(String(format: "%.2f", totalSeconds)) s"
    }

    private static let singular = [
        "articles": "article", "terms": "term", "roles": "role", "companies": "company", "other pages": "other page",
    ]
}
