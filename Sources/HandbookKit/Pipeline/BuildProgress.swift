import Synchronization

/// Where a build is: its stage and, for stages that count, how many items are done.
/// Reported through `BuildOptions.progress`, from any thread.
public struct BuildProgress: Sendable, Equatable {
    /// "Rendering pages".
    public var stage: String
    public var done: Int
    /// 0 for a stage that does not count its items.
    public var total: Int

    public init(stage: String, done: Int = 0, total: Int = 0) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}

/// Passes a build's progress to the caller's callback, cheaply: stages are announced once, and items counted with
/// one relaxed atomic add each, the callback being called only every hundredth of a stage.
struct ProgressReporter: Sendable {
    let callback: (@Sendable (BuildProgress) -> Void)?

    /// Announces a stage; count its items with the returned counter (or ignore it for a stage that does not count).
    @discardableResult
    func stage(_ name: String, total: Int = 0) -> StageCounter? {
        guard let callback else { return nil }
        callback(BuildProgress(stage: name, total: total))
        return total > 0 ? StageCounter(name, total: total, callback: callback) : nil
    }
}

/// Counts a stage's items from many threads at once, without a lock.
final class StageCounter: Sendable {
    private let stage: String
    private let total: Int
    private let step: Int
    private let callback: @Sendable (BuildProgress) -> Void
    private let done = Atomic<Int>(0)

    init(_ stage: String, total: Int, callback: @escaping @Sendable (BuildProgress) -> Void) {
        self.stage = stage
        self.total = total
        self.callback = callback
        step = max(1, (total + 99) / 100)
    }

    func advance() {
        let now = done.wrappingAdd(1, ordering: .relaxed).newValue
        if now % step == 0 || now == total { callback(BuildProgress(stage: stage, done: now, total: total)) }
    }
}
