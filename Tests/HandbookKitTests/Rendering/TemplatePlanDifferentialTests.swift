import Foundation
import Testing

@testable import HandbookKit

/// The compiled plans render every page exactly as swift-mustache does: each site is built twice, once through the
/// plans and once through swift-mustache (`renderWithReference`), and every output file must be byte-identical.
/// The sites: our own handbook, the two fixture sites, a generated flat corpus and a generated nested wiki (both from
/// `Benchmarks/`, the nested one in a Git repository so that its pages carry dates and the change pages exist).
@Suite(.serialized) struct TemplatePlanDifferentialTests {
    @Test func ourHandbook() throws {
        try expectSameOutput(content: TestSite.repository.appendingPathComponent("content"))
    }

    @Test(arguments: ["tricky", "wiki"]) func fixture(_ name: String) throws {
        let site = try TestSite(fixture: name)
        defer { site.remove() }
        try expectSameOutput(content: site.root.appendingPathComponent("content"))
    }

    @Test func generatedCorpus() throws {
        let site = TestSite(root: FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)"))
        defer { site.remove() }
        try Self.python(["Benchmarks/gen_corpus.py", site.root.path, "--articles", "300", "--terms", "150", "--seed", "7"])
        try expectSameOutput(content: site.root.appendingPathComponent("content"))
    }

    @Test func generatedWikiWithHistory() throws {
        let site = TestSite(root: FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)"))
        defer { site.remove() }
        try Self.python(["Benchmarks/gen_nested.py", site.root.path, "--pages", "300", "--terms", "150", "--seed", "7", "--root-index"])
        try GitHistoryTests.git(["init", "-q", "-b", "main"], in: site.root)
        try GitHistoryTests.commit("Add the wiki", by: "Ana Alves", at: "2026-01-10T09:00:00+01:00", in: site.root)
        try expectSameOutput(content: site.root.appendingPathComponent("content"))
    }

    /// Builds `content` both ways and compares the two outputs file by file.
    private func expectSameOutput(content: URL) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plan-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var outputs: [[String: Data]] = []
        for reference in [false, true] {
            let output = scratch.appendingPathComponent(reference ? "reference" : "plan")
            var options = BuildOptions(
                content: content.path, templates: TestSite.repository.appendingPathComponent("templates").path, output: output.path)
            options.now = Date(timeIntervalSince1970: 1_780_315_200)
            options.useCache = false
            options.renderWithReference = reference
            let report = try Build.run(options)
            #expect(!report.failed, "\(report.diagnostics.map(\.formatted).prefix(5))")
            outputs.append(try Self.files(in: output))
        }
        let (planned, reference) = (outputs[0], outputs[1])
        #expect(planned.count > 10)
        #expect(planned.keys.sorted() == reference.keys.sorted())
        let differing = planned.keys.sorted().filter { planned[$0] != reference[$0] }
        #expect(differing.isEmpty, "\(differing.count) files differ, first: \(differing.prefix(5))")
        if let first = differing.first, let plan = planned[first], let mustache = reference[first] {
            let (a, b) = (String(decoding: plan, as: UTF8.self), String(decoding: mustache, as: UTF8.self))
            let common = zip(a, b).prefix { $0 == $1 }.count
            let plan80 = String(a.dropFirst(common).prefix(80)).debugDescription
            let mustache80 = String(b.dropFirst(common).prefix(80)).debugDescription
            Issue.record("\(first) differs at character \(common): plan \(plan80), swift-mustache \(mustache80)")
        }
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        for path in paths {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    static func python(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = TestSite.repository
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Build.Failure(description: "python3 \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}
