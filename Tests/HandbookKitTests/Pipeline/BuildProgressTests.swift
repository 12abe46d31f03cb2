import Foundation
import Synchronization
import Testing

@testable import HandbookKit

/// The build reports its stages and counts through `BuildOptions.progress`, a bounded number of times.
@Suite struct BuildProgressTests {
    final class Recorder: Sendable {
        let reports = Mutex<[BuildProgress]>([])
        func record(_ progress: BuildProgress) { reports.withLock { $0.append(progress) } }
    }

    @Test func stagesAreAnnouncedInOrderAndCountedToTheirTotal() throws {
        var files: [String: String] = [:]
        for index in 0..<250 { files["articles/a\(index).md"] = file("title: A\(index)\nsummary: S.") }
        let site = try TestSite(files)
        defer { site.remove() }
        let recorder = Recorder()
        var options = site.options()
        options.progress = { recorder.record($0) }
        _ = try Build.run(options)
        let reports = recorder.reports.withLock { $0 }
        var stages: [String] = []
        for report in reports where stages.last != report.stage { stages.append(report.stage) }
        #expect(
            stages == [
                "Loading content", "Rendering Markdown", "Rendering pages", "Building the search index", "Checking links", "Writing",
            ])
        // Pages are written as they are rendered; "Writing" counts the files copied as they are, none here.
        for stage in ["Rendering Markdown", "Rendering pages"] {
            let counted = reports.filter { $0.stage == stage }
            let total = try #require(counted.first?.total)
            #expect(total >= 250)
            #expect(counted.first?.done == 0)
            #expect(counted.map(\.done).max() == total)
            // A report every hundredth of the stage, not one per page.
            #expect(counted.count <= 102)
        }
    }

    @Test func noCallbackNoCounting() {
        #expect(ProgressReporter(callback: nil).stage("Rendering pages", total: 10) == nil)
    }
}
