import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the site into a staging folder beside the output and swaps it in only when everything is written:
/// a failed build leaves the previous output as it was.
enum OutputWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `files` and the assets folder's contents to `output`, atomically replacing what was there.
    /// `unchanged` files (same bytes as in the current output) are hard-linked from it instead of written.
    static func write(
        _ files: [OutputFile], assets: URL?, copies: [FileCopy] = [], unchanged: Set<String> = [], to output: URL,
        progress: ProgressReporter = ProgressReporter(callback: nil)
    ) throws(Failure) {
        let counter = progress.stage("Writing", total: files.count + copies.count)
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let staging = OutputDebris.staging(for: output)
        let retired = OutputDebris.retired(for: output)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the staging folder \(staging.path): \(error.localizedDescription)")
        }
        do {
            if let assets, manager.fileExists(atPath: assets.path) {
                try copyTree(assets, to: staging.appendingPathComponent("assets"), as: "assets", linking: unchanged, from: output)
            }
            try writeFiles(files, into: staging, linking: unchanged, from: output, counter: counter)
            try copyFiles(copies, into: staging, linking: unchanged, from: output, counter: counter)
        } catch {
            try? manager.removeItem(at: staging)
            throw error as? Failure ?? Failure(description: "cannot write the site: \(error.localizedDescription)")
        }
        // Swap: the old output moves aside, the new one takes its name, the old one goes.
        let hadOutput = manager.fileExists(atPath: output.path)
        if hadOutput && rename(output.path, retired.path) != 0 {
            try? manager.removeItem(at: staging)
            throw Failure(description: "cannot move the previous \(output.path) aside: \(String(cString: strerror(errno)))")
        }
        if rename(staging.path, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(retired.path, output.path) }
            try? manager.removeItem(at: staging)
            throw Failure(description: "cannot move the new site into \(output.path): \(reason)")
        }
        if hadOutput { try? manager.removeItem(at: retired) }
    }

    /// Every path must stay inside the output folder: no absolute paths, no `..`.
    static func isContained(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
                $0.isEmpty || $0 == "." || $0 == ".."
            }
    }

    private static func writeFiles(
        _ files: [OutputFile], into root: URL, linking unchanged: Set<String>, from previous: URL, counter: StageCounter?
    ) throws(Failure) {
        for file in files where !isContained(file.path) {
            throw Failure(description: "refusing to write '\(file.path)' outside the output folder")
        }
        let folders = Set(
            files.compactMap { file -> String? in
                let parts = file.path.split(separator: "/")
                return parts.count > 1 ? parts.dropLast().joined(separator: "/") : nil
            })
        for folder in folders.sorted() {
            do {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw Failure(description: "cannot create \(folder): \(error.localizedDescription)")
            }
        }
        let errors = files.parallelMap(counting: counter) { file -> String? in
            let target = root.appendingPathComponent(file.path).path
            // A link shares the unchanged file (and keeps its time, so uploads skip it); the old output is never written to.
            if unchanged.contains(file.path), link(previous.appendingPathComponent(file.path).path, target) == 0 { return nil }
            return writeFile(target, file.contents)
        }
        if let first = errors.compactMap({ $0 }).first { throw Failure(description: first) }
    }

    /// Content files published as they are (`ContentCopies`), read whole and written like pages.
    /// The assets folder, file by file: an `unchanged` one is linked from the previous output, the rest copied.
    private static func copyTree(_ source: URL, to target: URL, as relative: String, linking unchanged: Set<String>, from previous: URL)
        throws
    {
        let manager = FileManager.default
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name)
            let to = target.appendingPathComponent(name)
            let path = relative + "/" + name
            let type = try manager.attributesOfItem(atPath: from.path)[.type] as? FileAttributeType
            if type == .typeDirectory {
                try copyTree(from, to: to, as: path, linking: unchanged, from: previous)
            } else if !(unchanged.contains(path) && link(previous.appendingPathComponent(path).path, to.path) == 0) {
                try manager.copyItem(at: from, to: to)
            }
        }
    }

    private static func copyFiles(
        _ copies: [FileCopy], into root: URL, linking unchanged: Set<String>, from previous: URL, counter: StageCounter?
    ) throws(Failure) {
        for copy in copies where !isContained(copy.path) {
            throw Failure(description: "refusing to write '\(copy.path)' outside the output folder")
        }
        for folder in Set(copies.map { ($0.path as NSString).deletingLastPathComponent }).sorted() where !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw Failure(description: "cannot create \(folder): \(error.localizedDescription)")
            }
        }
        let errors = copies.parallelMap(counting: counter) { copy -> String? in
            let target = root.appendingPathComponent(copy.path).path
            if unchanged.contains(copy.path), link(previous.appendingPathComponent(copy.path).path, target) == 0 { return nil }
            guard let data = FileManager.default.contents(atPath: copy.source.path) else { return "cannot read \(copy.source.path)" }
            return data.withUnsafeBytes { writeFile(root.appendingPathComponent(copy.path).path, $0) }
        }
        if let first = errors.compactMap({ $0 }).first { throw Failure(description: first) }
    }

    /// POSIX write: Foundation's convenience writers are several times slower here.
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
