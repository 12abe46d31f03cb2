import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// `handbook serve`: builds the site into a private folder, serves it over HTTP, rebuilds when anything under
/// the content or templates folder changes, and tells open pages to reload. A failed rebuild keeps the last
/// good site served and shows its diagnostics over the page.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        /// Content, templates, drafts; its output is replaced by a private folder (public/ is never touched).
        public var build: BuildOptions
        public var host: String
        /// 0 picks a free port.
        public var port: UInt16
        /// How often the content and templates folders are checked for changes.
        public var pollInterval: Duration

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, pollInterval: Duration = .milliseconds(300)) {
            self.build = build
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
        }
    }

    /// A build finished: the first one, or one after `changes` (paths that were added, removed or saved).
    public struct Event: Sendable {
        public var report: BuildReport
        public var changes: [String]
        /// The build could not run at all (a folder disappeared, an I/O error): the text to show.
        public var failure: String?
    }

    /// The server cannot start: a busy port, a bad address, a missing content folder (exit 2).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Where the site is served, e.g. `http://127.0.0.1:8000/`.
    public let url: URL
    private let server: HTTPServer
    private let state: LiveState
    private let options: Options
    private let folder: URL
    private let events: @Sendable (Event) -> Void
    /// The watched folders as the first build read them: a change during that build is seen by `run()`.
    private let firstSnapshot: FileTreeSnapshot
    /// Where Git records `HEAD`, when the content is in a work tree: a commit redates pages.
    private let gitHeadFiles: [URL]
    /// What the last build made its pages from: an edit to the text of pages rebuilds only them (`Build.update`).
    private let kept = Mutex<Build.Kept?>(nil)
    /// Writes the search index after such a rebuild, once the open pages have reloaded, one job after another; a job
    /// that a later rebuild has made stale (`rebuilds` moved on) writes nothing.
    private let indexQueue = DispatchQueue(label: "handbook-serve-search-index")
    private let rebuilds = Atomic<Int>(0)
    /// The search index's files as the output has them, by path; held while a job writes them.
    private let searchFiles = Mutex<[String: Digest]>([:])
    /// Wakes the loop the moment something changes (inotify); nil where there is none: then it polls.
    private let watcher: FileWatcher?
    /// With a watcher: how long the events must pause before a rebuild (a save is several events, and a burst of
    /// saves makes one rebuild), and how often the folders are compared anyway, should an event be missed.
    static let quietPeriod = Duration.milliseconds(50)
    static let watchedPollInterval = Duration.seconds(2)

    private init(
        url: URL, server: HTTPServer, state: LiveState, options: Options, folder: URL, events: @escaping @Sendable (Event) -> Void
    ) {
        self.url = url
        self.server = server
        self.state = state
        self.options = options
        self.folder = folder
        self.events = events
        gitHeadFiles = GitRepository.headFiles(of: options.build.content)
        // Watching starts before the first snapshot: a change made while the first build runs is seen.
        watcher = FileWatcher.start([options.build.content, options.build.templates] + gitHeadFiles)
        firstSnapshot = FileTreeSnapshot.take([options.build.content, options.build.templates] + gitHeadFiles)
    }

    /// Listens, then builds once; `events` hears about every build, this first one included.
    public static func start(_ options: Options, events: @escaping @Sendable (Event) -> Void) async throws(Failure) -> PreviewServer {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.build.content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(description: "content folder '\(options.build.contentDisplay)' does not exist")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-serve-\(UUID().uuidString)")
        var build = options.build
        build.output = folder.appendingPathComponent("site")
        build.writeOutput = true
        var options = options
        options.build = build

        let state = LiveState()
        let server: HTTPServer
        do {
            server = HTTPServer(
                config: HTTPServer.Configuration(
                    address: try address(host: options.host, port: options.port), timeout: 30,
                    pool: NoDelayPool(base: HTTPServer.defaultPool()), logger: .disabled),
                handler: SiteHandler(root: build.output, state: state))
        } catch {
            throw Failure(description: "'\(options.host)' is not an IP address to listen on (try 127.0.0.1 or ::1)")
        }
        let listening = try await listen(server, options: options)
        let preview = PreviewServer(url: listening, server: server, state: state, options: options, folder: folder, events: events)
        // A folder that cannot be read at all is a configuration error, as for `build`; content errors are
        // served as an overlay, so the author can fix them with the preview open.
        if let failure = await preview.rebuild(changes: [], first: true) {
            await server.stop(timeout: 0)
            try? FileManager.default.removeItem(at: folder)
            throw Failure(description: failure)
        }
        return preview
    }

    /// Watches and rebuilds until `stop()`; then closes the server and removes the private folder.
    public func run() async {
        var snapshot = firstSnapshot
        var handled = 0
        while await !state.stopping {
            var woken = false
            if let watcher {
                let events = await settledEvents(watcher, after: handled)
                woken = events != handled
                handled = events
            } else {
                try? await Task.sleep(for: options.pollInterval)
            }
            guard await !state.stopping else { break }
            // The files the watcher named, stamped again; else (no watcher, events it cannot name, or no event for a
            // while) a walk of the whole tree.
            var current = snapshot
            let changed: [String]
            if woken, let paths = watcher?.takeChanges(), let named = current.restamp(paths, roots: roots) {
                guard !named.isEmpty else { continue }
                changed = named
            } else {
                // What the watcher names from now on is for the next round: the walk may or may not see it.
                _ = watcher?.takeChanges()
                current = FileTreeSnapshot.take(roots)
                guard current != snapshot else { continue }
                if watcher == nil {
                    // Editors save in several steps: let the folder settle before building.
                    try? await Task.sleep(for: .milliseconds(60))
                    current = FileTreeSnapshot.take(roots)
                }
                changed = current.changes(since: snapshot)
            }
            var seen = Set<String>()
            let changes = changed.map(display).filter { seen.insert($0).inserted }
            snapshot = current
            await rebuild(changes: changes, changed: changed)
        }
        watcher?.stop()
        await server.stop(timeout: 0.5)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Waits for events past `handled` (at most `watchedPollInterval`), then until they pause for `quietPeriod`;
    /// returns the events handled then.
    private func settledEvents(_ watcher: FileWatcher, after handled: Int) async -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now + Self.watchedPollInterval
        while watcher.count == handled, clock.now < deadline, await !state.stopping {
            try? await Task.sleep(for: .milliseconds(5))
        }
        var seen = watcher.count
        var quietSince = clock.now
        while clock.now - quietSince < Self.quietPeriod, await !state.stopping {
            try? await Task.sleep(for: .milliseconds(5))
            if watcher.count != seen {
                seen = watcher.count
                quietSince = clock.now
            }
        }
        return seen
    }

    /// The private folder the site is built into (removed when `run()` returns).
    public var siteFolder: URL { options.build.output }

    /// Asks `run()` to finish; it returns within one poll interval.
    public func stop() async {
        await state.stop()
    }

    /// What open pages see now (for tests and the terminal).
    var liveState: LiveReload.State {
        get async { await state.current }
    }

    private var roots: [URL] { [options.build.content, options.build.templates] + gitHeadFiles }

    /// A changed file's path as the user named its folder: `content/articles/x.md`.
    private func display(_ path: String) -> String {
        for (root, name) in [
            (options.build.content, options.build.contentDisplay), (options.build.templates, options.build.templatesDisplay),
        ]
        where path.hasPrefix(root.path + "/") {
            return name + path.dropFirst(root.path.count)
        }
        return gitHeadFiles.contains { path == $0.path || path.hasPrefix($0.path + "/") } ? "Git HEAD" : path
    }

    /// Builds and tells open pages; returns why the build could not run at all, if it could not.
    /// `changed`: the files that changed, by absolute path; an edit to the text of content pages alone is rebuilt
    /// in part, and the open pages reload as soon as its pages are written (the search index follows).
    @discardableResult
    private func rebuild(changes: [String], changed: [String] = [], first: Bool = false) async -> String? {
        let build = options.build
        let contentFolder = build.content.path + "/"
        let sources = changed.allSatisfy { $0.hasPrefix(contentFolder) } ? changed.map { String($0.dropFirst(contentFolder.count)) } : []
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(Build.Failure) -> BuildReport in try self.build(sources) })
            }
        }
        switch result {
        case .success(let report):
            var text = report.diagnostics.map(\.formatted).joined(separator: "\n")
            if !report.diagnostics.isEmpty { text += "\n" + report.diagnostics.summaryLine }
            await state.finish(ok: !report.failed, errors: report.failed ? text : nil)
            events(Event(report: report, changes: changes, failure: nil))
            return nil
        case .failure(let failure):
            await state.finish(ok: false, errors: "error: \(failure.description)")
            let empty = BuildReport(diagnostics: [], pageCounts: [], stageTimes: [], wroteOutput: false, strict: build.strict)
            // The first build's failure stops the server; `start` reports it (once).
            if !first { events(Event(report: empty, changes: changes, failure: failure.description)) }
            return failure.description
        }
    }

    /// Rebuilds after a change to `sources` (content-relative; empty when something else changed): in part when
    /// `Build.update` can, the search index then written by `indexQueue`; else in full, keeping what the next needs.
    private func build(_ sources: [String]) throws(Build.Failure) -> BuildReport {
        // Taken out, so that the update changes it in place rather than copying 10,000 pages' worth of state.
        if !sources.isEmpty,
            var last = kept.withLock({ state in
                defer { state = nil }
                return state
            })
        {
            if let (report, index) = Build.update(&last, changed: sources) {
                kept.withLock { $0 = last }
                let generation = rebuilds.add(1, ordering: .sequentiallyConsistent).newValue
                indexQueue.async {
                    guard self.rebuilds.load(ordering: .sequentiallyConsistent) == generation else { return }
                    let files = index.files()
                    // Written under the lock a full build takes first: never into an output being replaced.
                    self.searchFiles.withLock { previous in
                        guard self.rebuilds.load(ordering: .sequentiallyConsistent) == generation else { return }
                        previous = index.write(files, over: previous)
                    }
                }
                return report
            }
        }
        rebuilds.add(1, ordering: .sequentiallyConsistent)
        searchFiles.withLock { $0 = [:] }
        kept.withLock { $0 = nil }
        let (report, next) = try Build.run(options.build, keeping: true)
        searchFiles.withLock { $0 = next?.searchFiles ?? [:] }
        kept.withLock { $0 = next }
        return report
    }

    private static func address(host: String, port: UInt16) throws -> any SocketAddress {
        let host = host == "localhost" ? "127.0.0.1" : host
        return host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
    }

    /// Starts the server task and waits until it listens, or reports why it could not (a busy port, above all).
    private static func listen(_ server: HTTPServer, options: Options) async throws(Failure) -> URL {
        let startError = ErrorBox()
        Task {
            do { try await server.run() } catch { await startError.set(error) }
        }
        for _ in 0..<500 {
            if let error = await startError.error {
                if case .failed(_, let code, _) = error as? SocketError, code == EADDRINUSE {
                    throw Failure(
                        description: "port \(options.port) on \(options.host) is already in use; stop the other server or pass --port")
                }
                throw Failure(description: "cannot listen on \(options.host):\(options.port): \(error)")
            }
            if await server.isListening, let address = await server.listeningAddress {
                switch address {
                case .ip4(let ip, let port): return URL(string: "http://\(ip):\(port)/") ?? URL(fileURLWithPath: "/")
                case .ip6(let ip, let port): return URL(string: "http://[\(ip)]:\(port)/") ?? URL(fileURLWithPath: "/")
                case .unix(let path): return URL(fileURLWithPath: path)
                }
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        throw Failure(description: "the server did not start listening on \(options.host):\(options.port) within 5 seconds")
    }
}

private actor ErrorBox {
    var error: (any Error)?
    func set(_ error: any Error) { self.error = error }
}
