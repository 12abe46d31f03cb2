import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Incremental builds, as a layer around the stages: when nothing the build reads has changed and the output
/// is as the last build left it, the build is that build (its report is replayed, nothing is written); else
/// the stages run and only pages whose bytes changed are written, the others linked from the previous output.
///
/// The cache is one file beside the output (`.public.cache`), never inside it. A missing, damaged or stale
/// cache, a changed option or a new binary means a full build, never a wrong one.
struct BuildCache: Sendable {
    /// The manifest's place: `<parent>/.<output name>.cache`.
    let file: URL
    let output: URL
    let content: URL
    let previous: CacheManifest?
    /// The fingerprint of the inputs, taken before any stage reads them. With no manifest from a last build nothing can
    /// be up to date, so it is taken beside the stages (reading every file for it was 0.3 s of a first 10,000-page
    /// build) and waited for only when the manifest is saved; nil when the inputs cannot be fingerprinted safely.
    private let fingerprint: PendingValue<InputFingerprint.Result?>

    var inputs: InputFingerprint.Result? { fingerprint.wait() }

    /// Nil when the build writes nothing, `--no-cache` is given, or the inputs cannot be fingerprinted safely.
    static func open(_ options: BuildOptions, git: GitRepository? = nil) -> BuildCache? {
        guard options.useCache, options.writeOutput else { return nil }
        let file = options.output.deletingLastPathComponent().appendingPathComponent(".\(options.output.lastPathComponent).cache")
        let previous = FileManager.default.contents(atPath: file.path).flatMap(CacheManifest.decode)
        let fingerprint = PendingValue<InputFingerprint.Result?>()
        if let previous {
            // Files whose stamps the manifest knows are not read again: this is quick, and may end the build here.
            guard let inputs = InputFingerprint.take(options, git: git, known: previous.inputFiles) else { return nil }
            fingerprint.finish(inputs)
        } else {
            // The files are listed now, before any stage reads them, and read beside the stages.
            guard let files = InputFingerprint.files(options) else { return nil }
            Thread.detachNewThread { fingerprint.finish(InputFingerprint.digest(files, options: options, git: git)) }
        }
        return BuildCache(file: file, output: options.output, content: options.content, previous: previous, fingerprint: fingerprint)
    }

    /// The last build's report, when its inputs are these and its output is still exactly as it wrote it.
    func upToDate(strict: Bool) -> BuildReport? {
        guard let previous, let inputs, previous.inputs == inputs.digest, Self.stamps(of: output) == previous.outputs.mapValues(\.stamp)
        else {
            return nil
        }
        return BuildReport(
            diagnostics: previous.diagnostics, pageCounts: previous.pageCounts, stageTimes: [], wroteOutput: true, strict: strict)
    }

    /// Whether the file at `path` of the output has these bytes, as the last build wrote it, untouched since: then
    /// the new output links it instead of writing it.
    func isUnchanged(_ path: String, digest: Digest) -> Bool {
        guard let entry = previous?.outputs[path], entry.digest == digest else { return false }
        return FileStamp(path: output.appendingPathComponent(path).path) == entry.stamp
    }

    /// Digests of the files copied as they are, from their sources: template assets and content files.
    func sourceDigests(copies: [FileCopy]) -> [String: Digest] {
        var digests: [String: Digest] = [:]
        guard let inputs else { return digests }
        for (path, entry) in inputs.files where path.hasPrefix("templates/assets/") {
            digests["assets/" + path.dropFirst("templates/assets/".count)] = entry.digest
        }
        for copy in copies where copy.source.path.hasPrefix(content.path + "/") {
            if let entry = inputs.files["content" + copy.source.path.dropFirst(content.path.count)] { digests[copy.path] = entry.digest }
        }
        return digests
    }

    /// Records what was just written. A failure to save only costs the next build its shortcut; inputs that could not be
    /// fingerprinted save nothing, and the next build is a full one.
    func save(_ report: BuildReport, digests: [String: Digest]) {
        guard let inputs else { return }
        var outputs: [String: CacheManifest.Entry] = [:]
        for (path, stamp) in Self.stamps(of: output) {
            // A file with no digest (none so far) is never linked, only checked for changes.
            outputs[path] = CacheManifest.Entry(digest: digests[path] ?? Digest(high: 0, low: 0), stamp: stamp)
        }
        let manifest = CacheManifest(
            inputs: inputs.digest, diagnostics: report.diagnostics, pageCounts: report.pageCounts, outputs: outputs,
            inputFiles: inputs.files)
        CacheFile.replace(file, with: Array(manifest.encoded().utf8))
    }

    /// Every regular file under `folder` by relative path; anything else (a link, a device) makes the walk fail (empty).
    static func stamps(of folder: URL) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        guard walk(folder.path, prefix: "", into: &stamps) else { return [:] }
        return stamps
    }

    private static func walk(_ folder: String, prefix: String, into stamps: inout [String: FileStamp]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: guard walk(path, prefix: relative, into: &stamps) else { return false }
            case S_IFREG:
                stamps[relative] = FileStamp(size: Int(info.st_size), modified: FileStamp.modified(info), inode: UInt64(info.st_ino))
            default: return false
            }
        }
        return true
    }
}
