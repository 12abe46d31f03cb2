import Foundation

/// The build generation open pages wait on, and whether the last build failed.
actor LiveState {
    private(set) var current = LiveReload.State(generation: 0, ok: true, errors: nil)
    /// Whether any build has succeeded: until then there is no site to serve.
    private(set) var hasSite = false
    private(set) var stopping = false
    /// Open pages waiting for a generation past theirs, answered the moment a build finishes.
    private var waiters: [UUID: (since: Int, continuation: CheckedContinuation<LiveReload.State, Never>)] = [:]

    func finish(ok: Bool, errors: String?) {
        current = LiveReload.State(generation: current.generation + 1, ok: ok, errors: errors)
        if ok { hasSite = true }
        for (id, waiter) in waiters where waiter.since < current.generation {
            waiters[id] = nil
            waiter.continuation.resume(returning: current)
        }
    }

    func stop() {
        stopping = true
        for waiter in waiters.values { waiter.continuation.resume(returning: current) }
        waiters = [:]
    }

    /// The state once its generation passes `generation`, or as it is after `seconds`.
    func wait(since generation: Int, seconds: Double) async -> LiveReload.State {
        guard current.generation <= generation, !stopping else { return current }
        let id = UUID()
        return await withCheckedContinuation { continuation in
            waiters[id] = (generation, continuation)
            Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                self.timeOut(id)
            }
        }
    }

    private func timeOut(_ id: UUID) {
        waiters.removeValue(forKey: id)?.continuation.resume(returning: current)
    }
}
