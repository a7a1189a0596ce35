import Dispatch

/// Maps a batch of inputs on `jobs` threads and returns the results in input order, so work
/// can run on every core while the output stays the same as a one-thread run, byte for byte.
enum ParallelMap {
    /// `transform` applied to every element of `inputs`; results in the order of `inputs`.
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], jobs: Int, _ transform: @Sendable (Input) -> Output) -> [Output] {
        map(inputs, jobs: jobs) { _, input in transform(input) }
    }

    /// `transform(worker, input)` for every element of `inputs`, where `worker` in `0..<jobs`
    /// names the thread, so each thread can use objects of its own; results in input order.
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], jobs: Int, _ transform: @Sendable (Int, Input) -> Output) -> [Output] {
        guard jobs > 1, inputs.count > 1 else { return inputs.map { transform(0, $0) } }
        let slots = Slots<Output>(count: inputs.count)
        let workers = min(jobs, inputs.count)
        // Each index is written by exactly one iteration, so the slots need no lock.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < inputs.count {
                slots.set(index, transform(worker, inputs[index]))
                index += workers
            }
        }
        return slots.collect()
    }

    /// Write-once result slots shared by the workers of one `map`.
    private final class Slots<Output>: @unchecked Sendable {
        private let buffer: UnsafeMutablePointer<Output?>
        private let count: Int

        init(count: Int) {
            self.count = count
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil, count: count)
        }

        deinit {
            buffer.deinitialize(count: count)
            buffer.deallocate()
        }

        func set(_ index: Int, _ value: Output) { buffer[index] = value }

        func collect() -> [Output] { (0..<count).map { buffer[$0]! } }
    }
}
