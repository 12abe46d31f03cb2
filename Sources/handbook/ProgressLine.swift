import Dispatch
import Foundation
import HandbookKit
import Synchronization

/// One line of progress on a terminal — "Rendering pages 4210/12040 (3.1 s)" — redrawn in place while a build runs
/// longer than `delay`, then cleared, so diagnostics and the summary print on a clean line.
final class ProgressLine: Sendable {
    private struct State {
        var latest: BuildProgress?
        var shown: String?
        var finished = false
    }

    private let state = Mutex(State())
    private let start = ContinuousClock.now
    private let delay: Duration
    private let write: @Sendable (String) -> Void
    /// Dispatch sources are thread-safe; Dispatch only does not say so to the compiler.
    nonisolated(unsafe) private let timer: DispatchSourceTimer

    /// `write` receives the terminal text (carriage returns and erase-line sequences included).
    init(delay: Duration = .seconds(1), write: @escaping @Sendable (String) -> Void) {
        self.delay = delay
        self.write = write
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// The callback for `BuildOptions.progress`: remembers the latest report; the timer draws it.
    func update(_ progress: BuildProgress) {
        state.withLock { $0.latest = progress }
        // A stage change shows at once rather than at the next tick.
        if progress.done == 0 { draw() }
    }

    /// Stops drawing and erases the line if one was drawn.
    func finish() {
        timer.cancel()
        state.withLock { state in
            state.finished = true
            if state.shown != nil { write("\r\u{1B}[2K") }
            state.shown = nil
        }
    }

    private func draw() {
        let elapsed = ContinuousClock.now - start
        guard elapsed >= delay else { return }
        state.withLock { state in
            guard !state.finished, let latest = state.latest else { return }
            let text = Self.text(latest, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            guard text != state.shown else { return }
            write("\r\u{1B}[2K" + text)
            state.shown = text
        }
    }

    /// "Rendering pages 4210/12040 (3.1 s)", or "Checking links (3.4 s)" for a stage that does not count.
    static func text(_ progress: BuildProgress, seconds: Double) -> String {
        let count = progress.total > 0 ? " \(progress.done)/\(progress.total)" : ""
        return "\(progress.stage)\(count) (\(String(format: "%.1f", seconds)) s)"
    }
}
