import Foundation
import Testing

@testable import HandbookKit

/// `serve`'s watcher: a save anywhere under the tree (folders made later included) wakes it with the file's path;
/// what it cannot name exactly (a folder moved in) makes it ask for a walk. Every wait has a deadline.
@Suite struct FileWatcherTests {
    /// Waits until `condition` holds, at most `seconds`.
    private func eventually(_ seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    @Test func namesSavedFilesAndWatchesNewFolders() async throws {
        #if os(Linux)
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: root) }
            let watcher = try #require(FileWatcher.start([root]))
            defer { watcher.stop() }
            var snapshot = FileTreeSnapshot.take([root])

            let page = root.appendingPathComponent("a/page.md")
            try Data("one".utf8).write(to: page)
            #expect(await eventually { watcher.count > 0 })
            var named: Set<String> = []
            #expect(
                await eventually {
                    named.formUnion(watcher.takeChanges() ?? [])
                    return named.contains(page.path)
                })
            #expect(snapshot.restamp(named, roots: [root]) == [page.path])

            // A folder made now is watched too: a file saved in it is named.
            try FileManager.default.createDirectory(at: root.appendingPathComponent("b"), withIntermediateDirectories: true)
            #expect(await eventually { watcher.takeChanges() == nil }, "a new folder asks for a walk")
            let nested = root.appendingPathComponent("b/nested.md")
            try Data("two".utf8).write(to: nested)
            named = []
            #expect(
                await eventually {
                    named.formUnion(watcher.takeChanges() ?? [])
                    return named.contains(nested.path)
                })
            #expect(snapshot.restamp(named, roots: [root]) == [nested.path])

            // Removed, and an editor's backup (left out, as the walk leaves it out).
            try FileManager.default.removeItem(at: page)
            try Data("x".utf8).write(to: root.appendingPathComponent("b/nested.md~"))
            named = []
            #expect(
                await eventually {
                    named.formUnion(watcher.takeChanges() ?? [])
                    return named.contains(page.path)
                })
            #expect(snapshot.restamp(named, roots: [root]) == [page.path])
            #expect(snapshot == FileTreeSnapshot.take([root]))
        #endif
    }
}
