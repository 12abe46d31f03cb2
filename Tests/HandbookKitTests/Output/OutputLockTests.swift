import Foundation
import Testing

@testable import HandbookKit

#if canImport(Glibc)
    import Glibc
#endif

/// One build per output at a time, and no folders left beside the output by builds that died.
@Suite struct OutputLockTests {
    /// The id of a process that has exited: ours to use as the owner of a killed build's folders.
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    private func folder(_ url: URL, holding file: String = "index.html") throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("left behind\n".utf8).write(to: url.appendingPathComponent(file))
    }

    private func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aBuildSweepsTheFoldersOfDeadBuildsAndNothingElse() throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        let dead = try deadPID()
        let alive = getppid()
        // A build killed after the swap leaves its retired folder; one killed while writing, its staging folder.
        try folder(site.root.appendingPathComponent(".public.old-\(dead)"))
        try folder(site.root.appendingPathComponent(".public.staging-\(dead)"))
        // Not ours to remove: a live process's folders, other outputs' folders, names that only look alike.
        try folder(site.root.appendingPathComponent(".public.old-\(alive)"))
        try folder(site.root.appendingPathComponent(".site.old-\(dead)"))
        try folder(site.root.appendingPathComponent(".public.old-\(dead)x"))
        try folder(site.root.appendingPathComponent("public.old-\(dead)"))
        let report = try site.build()
        #expect(!report.failed)
        let left = try entries(site.root)
        // Sorted as the listing is: which of two PIDs sorts first depends on their digits.
        #expect(
            left
                == [
                    ".public.bodies", ".public.cache", ".public.lock", ".public.old-\(alive)", ".public.old-\(dead)x", ".site.old-\(dead)",
                    "content",
                    "public",
                    "public.old-\(dead)",
                ].sorted())
    }

    @Test func checkNeitherLocksNorSweeps() throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        let dead = try deadPID()
        try folder(site.root.appendingPathComponent(".public.old-\(dead)"))
        let holder = try OutputLock(output: site.output)
        defer { holder.release() }
        #expect(try site.build(write: false).failed == false)
        #expect(try entries(site.root) == [".public.lock", ".public.old-\(dead)", "content"])
    }

    @Test func aSecondBuildOnTheSameOutputFailsAtOnce() throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        let holder = try OutputLock(output: site.output)
        let lockPath = site.root.appendingPathComponent(".public.lock").path
        #expect {
            try site.build()
        } throws: { error in
            (error as? Build.Failure)?.description
                == "another build is writing \(site.output.path) (it holds \(lockPath)); "
                + "wait for it to finish, or build into another --output"
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        holder.release()
        #expect(try site.build().wroteOutput)
    }

    /// A process forked while a build held the lock (another build's Markdown worker) shares the lock's open file
    /// until it closes what it inherited: the build's release must free the output all the same.
    @Test func releasingFreesTheOutputWhileAForkedCopyIsStillOpen() throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        let holder = try OutputLock(output: site.output)
        let inherited = dup(holder.descriptor)  // what fork() gives a child: the same open file
        defer { close(inherited) }
        holder.release()
        #expect(try site.build().wroteOutput)
    }

    @Test func theLockOfAnotherOutputDoesNotBlock() throws {
        let site = try TestSite(fixture: "tricky")
        defer { site.remove() }
        let other = try OutputLock(output: site.root.appendingPathComponent("elsewhere"))
        defer { other.release() }
        #expect(try site.build().wroteOutput)
    }

    @Test(
        arguments: [
            (".public.staging-123", 123), (".public.old-7", 7), (".public.old-", nil), (".public.old-12a", nil),
            (".public.old--3", nil), (".public.old-0", nil), (".publicx.old-5", nil), (".public.older-5", nil),
            (".public.old-99999999999", nil),
        ] as [(String, Int32?)])
    func onlyOurFolderNamesHaveAnOwner(_ entry: String, _ pid: Int32?) {
        #expect(OutputDebris.ownerPID(of: entry, output: "public") == pid)
    }
}
