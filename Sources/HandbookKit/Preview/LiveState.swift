/// The build generation open pages wait on, and whether the last build failed.
actor LiveState {
    private(set) var current = LiveReload.State(generation: 0, ok: true, errors: nil)
    /// Whether any build has succeeded: until then there is no site to serve.
    private(set) var hasSite = false
    private(set) var stopping = false

    func finish(ok: Bool, errors: String?) {
        current = LiveReload.State(generation: current.generation + 1, ok: ok, errors: errors)
        if ok { hasSite = true }
    }

    func stop() { stopping = true }

    /// The state once its generation passes `generation`, or as it is after `seconds`.
    func wait(since generation: Int, seconds: Double) async -> LiveReload.State {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while current.generation <= generation && !stopping && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return current
    }
}
