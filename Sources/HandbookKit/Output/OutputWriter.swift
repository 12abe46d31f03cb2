import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the site into a staging folder beside the output as it is made, and swaps it in only when the build
/// has succeeded: a failed build leaves the previous output as it was. Pages go to disk the moment they are
/// rendered, so a build never holds the whole site in memory (367 MB of pages at 10,000 articles).
///
/// Safe to use from every thread of a stage: each file is written once, folders are made under a lock.
final class OutputWriter: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let output: URL
    let staging: URL
    /// Their paths, for joining with a page's path as text: Foundation's URL appending was 1% of a large build.
    private let outputPath: String
    private let stagingPath: String
    /// Says which files are the same as in the current output, to link instead of write (incremental builds).
    private let cache: BuildCache?
    private let state = Mutex(State())

    private struct State {
        var folders: Set<String> = [""]
        var digests: [String: Digest] = [:]
        var failure: String?
    }

    /// Makes an empty staging folder for `output` (one left by this process id before is removed).
    init(to output: URL, cache: BuildCache?) throws(Failure) {
        self.output = output
        self.cache = cache
        staging = OutputDebris.staging(for: output)
        outputPath = output.path
        stagingPath = staging.path
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the staging folder \(staging.path): \(error.localizedDescription)")
        }
    }

    /// The first write that failed, if any: the build stops before the swap.
    var failure: String? { state.withLock { $0.failure } }

    /// The digest of every file written so far, by path (for the cache).
    var digests: [String: Digest] { state.withLock { $0.digests } }

    /// Writes `file` into the staging folder, or links it from the current output when the cache knows it unchanged.
    func write(_ file: OutputFile) {
        guard Self.isContained(file.path) else {
            return record(failure: "refusing to write '\(file.path)' outside the output folder")
        }
        if let problem = makeFolder(Self.folder(of: file.path)) { return record(failure: problem) }
        let target = stagingPath + "/" + file.path
        if let cache {
            let digest = Digest(file.contents)
            state.withLock { $0.digests[file.path] = digest }
            // A link shares the unchanged file (and keeps its time, so uploads skip it); the old output is never written to.
            if cache.isUnchanged(file.path, digest: digest), link(outputPath + "/" + file.path, target) == 0 { return }
        }
        if let problem = Self.writeFile(target, file.contents) { record(failure: problem) }
    }

    /// Writes `files` on every core.
    func write(_ files: [OutputFile]) {
        _ = files.parallelMap { write($0) }
    }

    /// Adds the template assets and the content files published as they are, then puts the staging folder in
    /// the output's place. The old output moves aside, the new one takes its name, the old one goes.
    func finish(assets: URL?, copies: [FileCopy], progress: ProgressReporter = ProgressReporter(callback: nil)) throws(Failure) {
        let manager = FileManager.default
        let sources = cache?.sourceDigests(copies: copies) ?? [:]
        let unchanged = Set(sources.filter { cache?.isUnchanged($0.key, digest: $0.value) == true }.keys)
        state.withLock { $0.digests.merge(sources) { _, source in source } }
        do {
            if let failure { throw Failure(description: failure) }
            if let assets, manager.fileExists(atPath: assets.path) {
                try copyTree(assets, to: staging.appendingPathComponent("assets"), as: "assets", linking: unchanged)
            }
            try copyFiles(copies, linking: unchanged, counter: progress.stage("Writing", total: copies.count))
            if let failure { throw Failure(description: failure) }
        } catch {
            discard()
            throw error as? Failure ?? Failure(description: "cannot write the site: \(error.localizedDescription)")
        }
        let retired = OutputDebris.retired(for: output)
        let hadOutput = manager.fileExists(atPath: output.path)
        if hadOutput && rename(output.path, retired.path) != 0 {
            discard()
            throw Failure(description: "cannot move the previous \(output.path) aside: \(String(cString: strerror(errno)))")
        }
        if rename(staging.path, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(retired.path, output.path) }
            discard()
            throw Failure(description: "cannot move the new site into \(output.path): \(reason)")
        }
        if hadOutput { try? manager.removeItem(at: retired) }
    }

    /// Removes the staging folder: the build failed, the output stays as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// The folder of a contained relative path: "terms/django.html" -> "terms", "index.html" -> "".
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Every path must stay inside the output folder: no absolute paths, no `..`.
    /// Read as bytes: every file written is checked, and "/" and "." are never part of a longer UTF-8 sequence.
    static func isContained(_ path: String) -> Bool {
        !path.isEmpty
            && !path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains {
                $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8)
            }
    }

    private func record(failure: String) {
        state.withLock { $0.failure = $0.failure ?? failure }
    }

    /// Makes `folder` (relative, may be empty) under the staging folder once.
    private func makeFolder(_ folder: String) -> String? {
        state.withLock { state -> String? in
            guard !state.folders.contains(folder) else { return nil }
            do {
                try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                return "cannot create \(folder): \(error.localizedDescription)"
            }
            state.folders.insert(folder)
            return nil
        }
    }

    /// The assets folder, file by file: an `unchanged` one is linked from the previous output, the rest copied.
    private func copyTree(_ source: URL, to target: URL, as relative: String, linking unchanged: Set<String>) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name)
            let to = target.appendingPathComponent(name)
            let path = relative + "/" + name
            let type = try manager.attributesOfItem(atPath: from.path)[.type] as? FileAttributeType
            if type == .typeDirectory {
                try copyTree(from, to: to, as: path, linking: unchanged)
            } else if !(unchanged.contains(path) && link(output.appendingPathComponent(path).path, to.path) == 0) {
                try manager.copyItem(at: from, to: to)
            }
        }
    }

    private func copyFiles(_ copies: [FileCopy], linking unchanged: Set<String>, counter: StageCounter?) throws(Failure) {
        for copy in copies where !Self.isContained(copy.path) {
            throw Failure(description: "refusing to write '\(copy.path)' outside the output folder")
        }
        let errors = copies.parallelMap(counting: counter) { copy -> String? in
            if let problem = makeFolder(Self.folder(of: copy.path)) { return problem }
            let target = stagingPath + "/" + copy.path
            if unchanged.contains(copy.path), link(outputPath + "/" + copy.path, target) == 0 { return nil }
            guard let data = FileManager.default.contents(atPath: copy.source.path) else { return "cannot read \(copy.source.path)" }
            return data.withUnsafeBytes { Self.writeFile(target, $0) }
        }
        if let first = errors.compactMap({ $0 }).first { throw Failure(description: first) }
    }

    /// POSIX write: Foundation's convenience writers are several times slower here.
    /// Replaces the file at `path` (under a built output) with `contents` through a new file renamed over it: a file the
    /// output shares with an older one (a link) is never written to. Returns the problem, if any.
    static func replace(_ path: String, with contents: String) -> String? {
        let temporary = path + ".handbook-new"
        if let problem = writeFile(temporary, contents) { return problem }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return "cannot replace \(path): \(String(cString: strerror(errno)))"
        }
        return nil
    }

    private static func writeFile(_ path: String, _ contents: String) -> String? {
        var contents = contents
        return contents.withUTF8 { writeFile(path, UnsafeRawBufferPointer($0)) }
    }

    private static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return "cannot write \(path): \(String(cString: strerror(errno)))"
            }
            offset += written
        }
        return nil
    }
}
