import Foundation
import Testing

@testable import HandbookKit

/// The Markdown stage's worker processes give exactly what rendering in this process gives.
@Suite struct MarkdownWorkerTests {
    static let harness = MarkdownHarness(
        terms: [
            .init(slug: "django", title: "Django", aliases: ["DRF"]), .init(slug: "python", title: "Python"),
            .init(slug: "ci-cd", title: "CI/CD"),
        ],
        articles: [(slug: "guide", title: "Guide")])

    /// Bodies with headings, glossary links, wiki links, `.md` links and diagnostics (a missing target).
    static let documents = (0..<200).map { index in
        harness.document(
            """
            # Title \(index)

            ## Python and Django \(index % 7)

            Django with DRF, [[Guide]] and [[Nowhere \(index)]], CI/CD and ~~old~~ www.example.com/\(index).

            | a | b |
            |---|---|
            | [link](guide.md#intro) | [missing](gone-\(index).md) |

            ![chart](img/chart-\(index).png) <span id="raw-\(index)">raw</span>
            """, slug: "page-\(index)")
    }

    @Test func workersRenderWhatThisProcessRenders() {
        let (viaWorkers, report) = MarkdownStage.render(Self.documents, site: Self.harness.site, processes: 3)
        #expect(report == MarkdownStage.Report(workerShares: 2, recoveredShares: 0))
        let inProcess = Self.documents.map { CommonMark.render($0, site: Self.harness.site) }
        #expect(viaWorkers == inProcess)
        #expect(inProcess.allSatisfy { !$0.diagnostics.isEmpty && !$0.links.isEmpty && !$0.terms.isEmpty && !$0.headings.isEmpty })
        #expect(inProcess.allSatisfy { $0.references.count >= 2 && !$0.omittedIDs.isEmpty })
    }

    @Test func theWireCarriesEveryFieldOfARenderedBody() {
        // A field added to RenderedBody must be added to BodyWire too: this count is the reminder.
        let body = CommonMark.render(Self.documents[0], site: Self.harness.site)
        #expect(
            Mirror(reflecting: body).children.map(\.label) == [
                "html", "headings", "links", "terms", "diagnostics", "references", "omittedIDs",
            ])
        var writer = BodyWire.Writer()
        writer.append(body)
        writer.append(body)
        #expect(BodyWire.decode(writer.bytes) == [body, body])
    }

    @Test func aCutShortWireIsRejected() {
        var writer = BodyWire.Writer()
        writer.append(CommonMark.render(Self.documents[1], site: Self.harness.site))
        #expect(BodyWire.decode(Array(writer.bytes.dropLast(3))) == nil)
        #expect(BodyWire.decode(Array(repeating: 0xff, count: 16)) == nil)
    }

    @Test func claimsHandOutEveryRunOnceAndKnowWhoTookIt() throws {
        let claims = try #require(MarkdownStage.Claims(chunks: 3, processes: 2))
        var rendered: [Int] = []
        claims.render(Array(Self.documents.prefix(40)), site: Self.harness.site, as: 1) { index, _ in rendered.append(index) }
        #expect(rendered == Array(0..<40))
        #expect(claims.indices(of: 1, count: 40) == Array(0..<40))
        #expect(claims.indices(of: 0, count: 40).isEmpty)
        #expect(claims.indices(of: nil, count: 40).isEmpty)
        // Nothing is left for a process that comes later.
        claims.render(Self.documents, site: Self.harness.site, as: 0) { index, _ in rendered.append(index) }
        #expect(rendered.count == 40)
    }

    @Test func aWorkerThatStartsLateChangesNothing() {
        // The worker sleeps a second before it takes anything; this process goes on taking meanwhile, and the bodies
        // are the same whoever rendered them.
        let (bodies, report) = MarkdownStage.render(Self.documents, site: Self.harness.site, processes: 2, workerPause: 1)
        #expect(report == MarkdownStage.Report(workerShares: 1, recoveredShares: 0))
        #expect(bodies == Self.documents.map { CommonMark.render($0, site: Self.harness.site) })
    }
}

extension MarkdownWorkerTests {
    /// A worker must not keep the parent's files open: a lock another build held would outlive that build.
    @Test func workersDoNotHoldTheParentsFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("worker-lock-\(UUID().uuidString)").path
        defer { unlink(path) }
        // O_CLOEXEC, as OutputLock opens it: a program another test starts meanwhile (swift test runs tests in
        // parallel) must not inherit the lock and hold it past close(held). Forked workers still inherit it.
        let held = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        // The worker waits five seconds before it renders: it is alive when the lock is tried.
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var report = MarkdownStage.Report()
        Thread.detachNewThread {
            report = MarkdownStage.render(Self.documents, site: Self.harness.site, processes: 2, workerPause: 5).report
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.5)
        close(held)
        let again = open(path, O_RDWR)
        defer { close(again) }
        // The worker closes what it inherited as it starts; under load that may take a moment. Try until it is done:
        // the lock must come free while it is still alive (paused), never only after it exits.
        var lockedWhileWorking = false
        var stillWorking = true
        while !lockedWhileWorking && stillWorking {
            lockedWhileWorking = flock(again, LOCK_EX | LOCK_NB) == 0
            stillWorking = done.wait(timeout: .now() + .milliseconds(20)) == .timedOut
        }
        done.wait()
        #expect(report == MarkdownStage.Report(workerShares: 1, recoveredShares: 0))
        #expect(stillWorking)
        #expect(lockedWhileWorking)
    }
}
