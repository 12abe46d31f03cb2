import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Markdown and glossary stage, on every core.
///
/// cmark-gfm 0.29 keeps its table of special inline characters in a process-wide global that each parse fills
/// when it starts on inlines and clears when it ends (github/cmark-gfm PR #176, never merged): two parses at
/// once in one process misread autolinks and strikethrough, so `CommonMark` serialises parses within a process.
/// The table cannot be pinned either: the strikethrough extension finds its `~` delimiters through the same
/// list that clears it. Processes do not share the table, so a large site is split into one share per core:
/// forked workers each render a share on one thread and send the bodies back through a temporary file, while
/// this process renders the first share. A worker that fails or stalls has its share rendered here instead:
/// the output never depends on a worker.
enum MarkdownStage {
    /// Below this many documents the serialised in-process path is fast enough and forking is not worth it.
    static let minimumForWorkers = 64
    /// Each worker copies the pages it touches (reference counts are writes), so many cores do not mean
    /// as many workers.
    static let maximumProcesses = 8

    /// What the last run did, for tests: shares rendered by workers and shares taken back after a failure.
    struct Report: Sendable, Equatable {
        var workerShares = 0
        var recoveredShares = 0
        /// Bodies taken from the last build's (`BodyCache`) rather than rendered.
        var reused = 0
    }

    /// Renders the bodies whose key (`MarkdownSite.key`) is not in `kept`, and takes the others from it; returns every
    /// body with its key, in the order given, for the next build to keep.
    static func render(
        _ documents: [Document], site: MarkdownSite, kept: [Digest: RenderedBody], counter: StageCounter? = nil
    ) -> (bodies: [RenderedBody], keys: [Digest], report: Report) {
        let fingerprint = site.fingerprint
        let keys = documents.parallelMap { MarkdownSite.key($0, site: fingerprint) }
        var bodies = [RenderedBody?](repeating: nil, count: documents.count)
        var missing: [Int] = []
        for index in documents.indices {
            if let body = kept[keys[index]] {
                bodies[index] = body
                counter?.advance()
            } else {
                missing.append(index)
            }
        }
        var (rendered, report) = render(missing.map { documents[$0] }, site: site, counter: counter)
        for (index, body) in zip(missing, rendered) { bodies[index] = body }
        rendered = []
        report.reused = documents.count - missing.count
        return (bodies.map { $0 ?? RenderedBody(html: "", headings: [], links: [], terms: [], diagnostics: []) }, keys, report)
    }

    /// Renders every document's body, in the order given.
    static func render(
        _ documents: [Document], site: MarkdownSite,
        processes: Int = min(ProcessInfo.processInfo.activeProcessorCount, MarkdownStage.maximumProcesses),
        counter: StageCounter? = nil, workerPause: UInt32 = 0
    ) -> (bodies: [RenderedBody], report: Report) {
        guard processes > 1, documents.count >= minimumForWorkers else {
            return (documents.parallelMap(counting: counter) { CommonMark.render($0, site: site) }, Report())
        }
        let shares = balancedShares(documents.map(\.body.utf8.count), count: processes)
        var bodies = [RenderedBody?](repeating: nil, count: documents.count)
        var report = Report()

        // Fork before this process starts parsing: the workers inherit the site and the documents as they are.
        let workers = shares.dropFirst().map { share in
            Worker.start(share.map { documents[$0] }, site: site, pause: workerPause)
        }
        let started = DispatchTime.now()
        for index in shares[0] {
            bodies[index] = CommonMark.render(documents[index], site: site)
            counter?.advance()
        }
        let ownSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9

        // A worker does as much as this process did; one far slower than that is stuck, not busy.
        let deadline = DispatchTime.now() + max(30, ownSeconds * 10)
        for (share, worker) in zip(shares.dropFirst(), workers) {
            if let received = worker?.finish(expecting: share.count, deadline: deadline) {
                for (index, body) in zip(share, received) { bodies[index] = body }
                report.workerShares += 1
                share.forEach { _ in counter?.advance() }
            } else {
                for index in share {
                    bodies[index] = CommonMark.render(documents[index], site: site)
                    counter?.advance()
                }
                report.recoveredShares += 1
            }
        }
        return (bodies.map { $0 ?? RenderedBody(html: "", headings: [], links: [], terms: [], diagnostics: []) }, report)
    }

    /// Splits indices into `count` shares of about equal bytes: largest first, each onto the lightest share.
    /// Each share keeps document order, so every process walks its files in the order they were loaded.
    static func balancedShares(_ sizes: [Int], count: Int) -> [[Int]] {
        var shares = [[Int]](repeating: [], count: count)
        var loads = [Int](repeating: 0, count: count)
        for index in sizes.indices.sorted(by: { (sizes[$0], $1) > (sizes[$1], $0) }) {
            let lightest = loads.indices.min { (loads[$0], $0) < (loads[$1], $1) } ?? 0
            shares[lightest].append(index)
            loads[lightest] += sizes[index] + 1
        }
        return shares.map { $0.sorted() }
    }

    /// One forked worker process and the file its bodies come back in.
    private struct Worker {
        var pid: pid_t
        var file: UnsafeMutablePointer<FILE>

        /// Forks a worker for `documents`; nil when no process or file could be had (the share is rendered here).
        /// `pause` (seconds) holds the worker before it starts, so that a test can watch one alive.
        static func start(_ documents: [Document], site: MarkdownSite, pause: UInt32) -> Worker? {
            guard let file = tmpfile() else { return nil }
            let descriptor = fileno(file)
            let pid = fork()
            if pid < 0 {
                fclose(file)
                return nil
            }
            if pid == 0 {
                // The worker: one thread, no Dispatch (it may not be used after fork), no atexit handlers, and none
                // of the parent's other files: a lock it held would outlive the parent's build.
                closeInheritedDescriptors(keeping: descriptor)
                if pause > 0 { sleep(pause) }
                var writer = BodyWire.Writer()
                for document in documents { writer.append(CommonMark.render(document, site: site)) }
                _exit(writer.write(to: descriptor) ? 0 : 1)
            }
            return Worker(pid: pid, file: file)
        }

        /// Closes every descriptor but the standard three and `kept`, as listed in /proc/self/fd.
        private static func closeInheritedDescriptors(keeping kept: Int32) {
            #if os(Linux)
                guard let folder = opendir("/proc/self/fd") else { return }
                var open: [Int32] = []
                while let entry = readdir(folder) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                    if let number = Int32(name) { open.append(number) }
                }
                let listing = dirfd(folder)
                closedir(folder)
                for number in open where number > 2 && number != kept && number != listing { close(number) }
            #endif
        }

        /// Waits for the worker and reads its bodies; nil if it failed, stalled past `deadline`, or sent too few.
        func finish(expecting count: Int, deadline: DispatchTime) -> [RenderedBody]? {
            defer { fclose(file) }
            var status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                if DispatchTime.now() > deadline {
                    kill(pid, SIGKILL)
                    waitpid(pid, &status, 0)
                    return nil
                }
                usleep(1000)
            }
            // Exited normally with status 0: the low seven bits hold a signal number, the next eight the status.
            guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else { return nil }
            let descriptor = fileno(file)
            guard let bytes = BodyWire.readAll(descriptor) else { return nil }
            let bodies = BodyWire.decode(bytes)
            return bodies?.count == count ? bodies : nil
        }
    }
}
