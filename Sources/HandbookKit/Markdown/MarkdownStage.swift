import Foundation
import Synchronization

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
/// list that clears it. Processes do not share the table, so a large site is rendered by one process per core:
/// forked workers render on one thread each and send the bodies back through a temporary file, while this process
/// renders too. The documents are handed out a few at a time from a counter the processes share (`Claims`), so a
/// slower process takes fewer and all end together (a worker pays for every page its reference counts copy: on a
/// nested wiki it fell 0.45 s behind an equal share). A worker that fails or stalls has what it took rendered here
/// instead: the output never depends on a worker.
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
        guard let claims = Claims(chunks: (documents.count + Claims.size - 1) / Claims.size, processes: processes) else {
            return (documents.parallelMap(counting: counter) { CommonMark.render($0, site: site) }, Report())
        }
        var bodies = [RenderedBody?](repeating: nil, count: documents.count)
        var report = Report()

        // Fork before this process starts parsing: the workers inherit the site and the documents as they are.
        let workers = (1..<processes).map { process in
            Worker.start(documents, site: site, claims: claims, process: process, pause: workerPause)
        }
        let started = DispatchTime.now()
        claims.render(documents, site: site, as: 0) { index, body in
            bodies[index] = body
            counter?.advance()
        }
        let ownSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9

        // A worker is never much behind this process; one far slower than that is stuck, not busy.
        let deadline = DispatchTime.now() + max(30, ownSeconds * 10)
        let results = workers.map { $0?.finish(deadline: deadline) }
        // Every worker has exited: what each took is settled.
        var lost = claims.indices(of: nil, count: documents.count)
        for (process, result) in zip(1..., results) {
            let taken = claims.indices(of: process, count: documents.count)
            if let received = result, received.count == taken.count {
                for (index, body) in zip(taken, received) { bodies[index] = body }
                report.workerShares += 1
                taken.forEach { _ in counter?.advance() }
            } else {
                lost += taken
                report.recoveredShares += 1
            }
        }
        // What a failed worker took, or took and died before it could say so.
        for index in lost.sorted() {
            bodies[index] = CommonMark.render(documents[index], site: site)
            counter?.advance()
        }
        return (bodies.map { $0 ?? RenderedBody(html: "", headings: [], links: [], terms: [], diagnostics: []) }, report)
    }

    /// The documents handed out in runs of `size`, from a counter in memory the forked processes share; each run is
    /// marked with the process that took it, so that its bodies find their places and a failed worker's are known.
    final class Claims {
        static let size = 16
        let chunks: Int
        private let memory: UnsafeMutableRawPointer
        private let length: Int
        private let next: UnsafeMutablePointer<Atomic<Int>>
        /// Per run: 0 while untaken, else the taking process's number + 1.
        private let takers: UnsafeMutablePointer<UInt8>

        /// Nil when the shared memory cannot be had (the caller renders in this process), or for more than 254 processes.
        init?(chunks: Int, processes: Int) {
            let length = 64 + max(chunks, 1)
            guard processes < 255, let memory = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0),
                memory != MAP_FAILED
            else { return nil }
            self.chunks = chunks
            self.memory = memory
            self.length = length
            next = memory.bindMemory(to: Atomic<Int>.self, capacity: 1)
            next.initialize(to: Atomic(0))
            takers = (memory + 64).bindMemory(to: UInt8.self, capacity: max(chunks, 1))
            takers.initialize(repeating: 0, count: max(chunks, 1))
        }

        deinit { munmap(memory, length) }

        /// Renders runs of documents as process `process` takes them, until none is left.
        func render(_ documents: [Document], site: MarkdownSite, as process: Int, _ deliver: (Int, RenderedBody) -> Void) {
            while case let chunk = next.pointee.wrappingAdd(1, ordering: .relaxed).oldValue, chunk < chunks {
                takers[chunk] = UInt8(process + 1)
                for index in chunk * Self.size..<min((chunk + 1) * Self.size, documents.count) {
                    deliver(index, CommonMark.render(documents[index], site: site))
                }
            }
        }

        /// The documents of the runs `process` took (nil: runs nobody is known to have taken), in order. Read once the
        /// processes that took them have exited.
        func indices(of process: Int?, count: Int) -> [Int] {
            let taker = process.map { UInt8($0 + 1) } ?? 0
            return (0..<chunks).filter { takers[$0] == taker }.flatMap { $0 * Self.size..<min(($0 + 1) * Self.size, count) }
        }
    }

    /// One forked worker process and the file its bodies come back in.
    private struct Worker {
        var pid: pid_t
        var file: UnsafeMutablePointer<FILE>

        /// Forks a worker that renders the documents it takes from `claims`; nil when no process or file could be had.
        /// `pause` (seconds) holds the worker before it starts, so that a test can watch one alive.
        static func start(_ documents: [Document], site: MarkdownSite, claims: Claims, process: Int, pause: UInt32) -> Worker? {
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
                claims.render(documents, site: site, as: process) { _, body in writer.append(body) }
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

        /// Waits for the worker and reads its bodies; nil if it failed or stalled past `deadline`.
        func finish(deadline: DispatchTime) -> [RenderedBody]? {
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
            return BodyWire.decode(bytes)
        }
    }
}
