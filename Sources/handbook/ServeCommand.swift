import ArgumentParser
import Dispatch
import Foundation
import HandbookKit

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on this machine and reload open pages after every change.",
        discussion: """
            The site is built into a temporary folder (public/ is left as it is) and rebuilt whenever a file under \
            the content or templates folder changes. A build with errors prints them here and over the open pages, \
            which keep showing the last good build. Ctrl-C stops.
            """)

    @OptionGroup var shared: SharedOptions

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 shares the preview with your network.")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Flag(name: .long, help: "Include articles marked 'draft: true'.")
    var drafts = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let options = PreviewServer.Options(
            build: BuildOptions(
                content: shared.content, templates: shared.templates, includeDrafts: drafts, strict: shared.strict,
                followSymlinks: shared.followSymlinks),
            host: host, port: UInt16(port))
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            defer { done.signal() }
            do {
                let preview = try await PreviewServer.start(options, events: Self.print)
                Self.say("Serving \(shared.content) at \(preview.url.absoluteString) (Ctrl-C to stop)")
                if open { Self.openInBrowser(preview.url) }
                let signals = Self.onInterrupt { Task { await preview.stop() } }
                await preview.run()
                signals.forEach { $0.cancel() }
                Self.say("Stopped.")
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                outcome.failed = true
            }
        }
        done.wait()
        if outcome.failed { throw ExitCode(2) }
    }

    /// Each build's diagnostics and one summary line, as `build` prints them.
    @Sendable private static func print(_ event: PreviewServer.Event) {
        var stderr = ""
        for diagnostic in event.report.diagnostics { stderr += diagnostic.formatted + "\n" }
        if !event.report.diagnostics.isEmpty { stderr += event.report.diagnostics.summaryLine + "\n" }
        if let failure = event.failure { stderr += "error: \(failure)\n" }
        let changed =
            event.changes.isEmpty
            ? ""
            : " after a change to \(event.changes.prefix(3).joined(separator: ", "))"
                + (event.changes.count > 3 ? " and \(event.changes.count - 3) more" : "")
        if event.report.failed || event.failure != nil {
            stderr += "build failed\(changed); still serving the last good build\n"
        }
        FileHandle.standardError.write(Data(stderr.utf8))
        if event.report.wroteOutput { say(event.report.summaryLine + changed) }
    }

    /// One line on stdout, unbuffered: whoever watches the terminal (or a pipe) sees it at once.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// SIGINT (Ctrl-C) and SIGTERM stop the server instead of killing the process, so it cleans up.
    private static func onInterrupt(_ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    private static func openInBrowser(_ url: URL) {
        let process = Process()
        #if os(macOS)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
            process.arguments = [url.absoluteString]
        #else
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open", url.absoluteString]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) == nil {
            FileHandle.standardError.write(Data("warning: could not open a browser; open \(url.absoluteString) yourself\n".utf8))
        }
    }
}

/// Whether the serve task failed, read after it signalled.
private final class Outcome: @unchecked Sendable {
    var failed = false
}
