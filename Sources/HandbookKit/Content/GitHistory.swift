import Foundation

/// The commit that last changed a content file: when (the author's date, as Git recorded it), by whom, and why.
public struct Change: Sendable, Equatable {
    public var commit: String
    /// Seconds since 1970: the order of changes.
    public var timestamp: Int
    /// RFC 3339 with the author's offset, as Git wrote it: `2026-03-14T10:00:00+01:00`. Same commit, same text.
    public var date: String
    public var author: String
    public var subject: String

    /// The day in the author's time zone (the date part of `date`).
    public var day: CalendarDate { CalendarDate(iso: String(date.prefix(10))) ?? CalendarDate(year: 1970, month: 1, day: 1) }
}

/// The content folder's Git repository, when it is in a work tree with at least one commit.
///
/// Its history is read in one pass, one `git log --name-only` process for the whole folder, beside the stages that come
/// before the pages (never a process per file: at 10,000 pages that would cost more than the build). Each file's change
/// is the first commit naming it, newest first. A file not committed yet has none.
struct GitRepository: Sendable {
    /// The folder `git` runs in: the content folder.
    let folder: URL
    /// `HEAD`'s commit: a new commit means new dates, so the build cache keys on it.
    let head: String
    /// A shallow clone's history stops at its boundary commits, which Git shows as adding every file they hold.
    let shallowBoundary: Set<String>

    var isShallow: Bool { !shallowBoundary.isEmpty }

    /// What the cache keys on: equal keys, equal history.
    var cacheKey: String { "git \(head)\(isShallow ? " shallow" : "")" }

    /// The repository holding `folder`, or nil (no Git, not a work tree, no commit yet). A repository Git refuses to
    /// read (owned by someone else) is a warning, since its author expects dates.
    static func find(_ folder: URL, display: String, diagnostics: inout [Diagnostic]) -> GitRepository? {
        guard
            let result = run(
                ["rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--git-path", "shallow", "--verify", "HEAD"],
                in: folder)
        else { return nil }
        guard result.status == 0 else {
            if result.error.contains("dubious ownership") {
                diagnostics.append(
                    .warning(
                        "git-history", at: SourceLocation(path: display),
                        "Git refuses to read this repository (it belongs to another user), so pages show no dates; "
                            + "trust it with: git config --global --add safe.directory '\(folder.path)'"))
            }
            return nil
        }
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count == 4, lines[0] == "true" else { return nil }
        var boundary: Set<String> = []
        if lines[1] == "true" {
            let shallowFile = lines[2].hasPrefix("/") ? lines[2] : folder.appendingPathComponent(lines[2]).path
            let text = FileManager.default.contents(atPath: shallowFile).map { String(decoding: $0, as: UTF8.self) } ?? ""
            boundary = Set(text.split(whereSeparator: \.isNewline).map(String.init))
            // Git says shallow but names no boundary: treat every commit as one, so no date is made up.
            if boundary.isEmpty { boundary = [lines[3]] }
        }
        if !boundary.isEmpty {
            diagnostics.append(
                .warning(
                    "shallow-clone", at: SourceLocation(path: display),
                    "the Git repository is a shallow clone, so pages last changed before its oldest commit show no date; "
                        + "fetch the whole history: 'fetch-depth: 0' for actions/checkout, or 'git fetch --unshallow'"))
        }
        return GitRepository(folder: folder, head: lines[3], shallowBoundary: boundary)
    }

    /// The files Git rewrites whenever `HEAD` moves (a commit, an amend, a checkout, a pull) in the repository holding
    /// `folder`: `serve` watches them beside the content, since a commit changes dates without touching a page.
    static func headFiles(of folder: URL) -> [URL] {
        guard let result = run(["rev-parse", "--absolute-git-dir"], in: folder), result.status == 0 else { return [] }
        let gitDirectory = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !gitDirectory.isEmpty else { return [] }
        let base = URL(fileURLWithPath: gitDirectory)
        return ["HEAD", "logs/HEAD", "packed-refs", "refs/heads"].map { base.appendingPathComponent($0) }
    }

    /// Starts reading each file's last change; `wait()` on the result gives them. With the history a previous build
    /// kept in `cache`, only the commits since its `HEAD` are read (none when `HEAD` has not moved); with `save`, the
    /// history read is kept there for the next build.
    func readHistory(cache: URL? = nil, save: Bool = false) -> PendingHistory {
        let pending = PendingHistory()
        Thread.detachNewThread { [self] in
            let previous = cache.flatMap(HistoryCache.read)
            var changes: [String: Change]
            if let previous, previous.shallow == isShallow, previous.head == head {
                pending.finish(previous.changes)
                return
            } else if let previous, previous.shallow == isShallow, isAncestor(previous.head) {
                // Newer commits win over what the previous build read.
                changes = previous.changes
                changes.merge(log("\(previous.head)..HEAD")) { _, newer in newer }
            } else {
                changes = log("HEAD")
            }
            pending.finish(changes)
            if let cache, save { HistoryCache(head: head, shallow: isShallow, changes: changes).write(to: cache) }
        }
        return pending
    }

    /// Each file's newest change in the commits of `range`, in one `git log` process.
    private func log(_ range: String) -> [String: Change] {
        // Renames are not followed: a renamed file's change is the commit that renamed it, as `git log` shows it.
        // Settings a user's Git config could bring in (following one path, signatures) are turned off.
        let arguments = [
            "-c", "log.follow=false", "-c", "log.showSignature=false", "log", "--no-merges", "--no-renames", "--relative",
            "--name-only", "-z", "--format=%x1e%H%x1f%at%x1f%aI%x1f%an%x1f%s", range, "--", ".",
        ]
        let output = Self.run(arguments, in: folder).flatMap { $0.status == 0 ? $0.output : nil }
        return output.map { Self.parse($0, boundary: shallowBoundary) } ?? [:]
    }

    /// Whether `commit` is `HEAD` or one of its ancestors (not after a rebase or an amend).
    private func isAncestor(_ commit: String) -> Bool {
        Self.run(["merge-base", "--is-ancestor", commit, "HEAD"], in: folder)?.status == 0
    }

    /// Each path's first (newest) change in `git log -z --name-only` output with the format above. Files of a shallow
    /// clone's boundary commit are left out: that commit only says the file existed, not when it last changed.
    static func parse(_ output: Data, boundary: Set<String> = []) -> [String: Change] {
        var changes: [String: Change] = [:]
        output.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            var current: Change?
            while index < bytes.count {
                if bytes[index] == 0x1E {
                    // A commit's header: fields split by 0x1F, ended by NUL.
                    var end = index + 1
                    while end < bytes.count, bytes[end] != 0 { end += 1 }
                    // Control characters have no place in a page or a feed (XML forbids most of them).
                    let fields = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
                        .split(separator: "\u{1F}", omittingEmptySubsequences: false)
                        .map { String($0.filter { !($0.asciiValue.map { $0 < 0x20 && $0 != 0x09 } ?? false) }) }
                    current =
                        fields.count == 5 && !boundary.contains(fields[0])
                        ? Change(commit: fields[0], timestamp: Int(fields[1]) ?? 0, date: fields[2], author: fields[3], subject: fields[4])
                        : nil
                    index = end + 1
                    continue
                }
                // A path, after the newline that follows a header, ended by NUL.
                if bytes[index] == 0x0A {
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, bytes[end] != 0, bytes[end] != 0x1E { end += 1 }
                if let change = current {
                    let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    if changes[path] == nil { changes[path] = change }
                }
                index = end < bytes.count && bytes[end] == 0 ? end + 1 : end
            }
        }
        return changes
    }

    /// Runs `git` with `arguments` in `folder`: its exit status, output and error text; nil when there is no `git`.
    private static func run(_ arguments: [String], in folder: URL) -> (status: Int32, output: Data, error: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        // Never a pager, a prompt or a lock a running editor might be waiting on.
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        // Read both pipes to their ends at once, so a large history never fills one while the other is awaited.
        let errorText = PendingData()
        Thread.detachNewThread { errorText.finish(error.fileHandleForReading.readDataToEndOfFile()) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // `env` exits 127 when it finds no `git`.
        if process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, data, String(decoding: errorText.wait(), as: UTF8.self))
    }
}

/// A value another thread delivers once; `wait()` blocks until it has.
final class PendingValue<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func finish(_ value: Value) {
        condition.lock()
        self.value = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value { return value }
            condition.wait()
        }
    }
}

typealias PendingHistory = PendingValue<[String: Change]>
