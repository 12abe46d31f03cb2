import Dispatch

extension Array where Element: Sendable {
    /// Maps on every core, keeping the order of the input: page stages are independent of each other.
    /// `counter` advances once per element, for progress reports.
    func parallelMap<T: Sendable>(counting counter: StageCounter? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else {
            return map {
                defer { counter?.advance() }
                return transform($0)
            }
        }
        let results = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        // Each index is written by exactly one iteration, so the buffer is never shared for writing.
        nonisolated(unsafe) let output = results
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let source = input
            DispatchQueue.concurrentPerform(iterations: count) { index in
                output.initializeElement(at: index, to: transform(source[index]))
                counter?.advance()
            }
        }
        let array = [T](results)
        _ = results.deinitialize()
        results.deallocate()
        return array
    }
}
