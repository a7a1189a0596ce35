import Dispatch
import Foundation

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

    /// `transform(worker, input)` for every element of `inputs` on `jobs` threads, handed to
    /// `consume` on the calling thread in input order as soon as each is ready, so the caller's
    /// work (writing tables) overlaps the workers' instead of waiting for a batch to finish.
    ///
    /// Workers take the next input as they free up, so a long document holds up no one, and run
    /// at most `window` inputs ahead of `consume`, which bounds the results held. If `consume`
    /// throws, workers stop taking inputs and the error is rethrown once they have stopped.
    ///
    /// ```
    /// forEachInOrder(files, jobs: 2, window: 64, process) { file, result in write(result) }
    /// // worker 0: a c d …   worker 1: b (long) …   consume: a b c d …
    /// ```
    static func forEachInOrder<Inputs: RandomAccessCollection & Sendable, Output: Sendable>(
        _ inputs: Inputs, jobs: Int, window: Int,
        _ transform: @escaping @Sendable (Int, Inputs.Element) -> Output,
        consume: (Inputs.Element, Output) throws -> Void
    ) throws where Inputs.Index == Int {
        guard jobs > 1, inputs.count > 1 else {
            for input in inputs { try consume(input, transform(0, input)) }
            return
        }
        let queue = OrderedQueue<Output>(count: inputs.count, window: max(window, jobs))
        let group = DispatchGroup()
        for worker in 0..<min(jobs, inputs.count) {
            DispatchQueue.global().async(group: group) {
                while let index = queue.claim() {
                    queue.finish(index, transform(worker, inputs[inputs.startIndex + index]))
                }
            }
        }
        defer {
            queue.stop()
            group.wait()
        }
        for (index, input) in inputs.enumerated() {
            try consume(input, queue.take(index))
        }
    }

    /// Results of one `forEachInOrder`, claimed by workers in order and taken by the consumer in order.
    private final class OrderedQueue<Output>: @unchecked Sendable {
        // Every field is read and written under `condition`.
        private let condition = NSCondition()
        private var ready: [Int: Output] = [:]
        private var nextToClaim = 0
        private var taken = 0
        private var stopped = false
        private let count: Int
        private let window: Int

        init(count: Int, window: Int) {
            self.count = count
            self.window = window
        }

        /// The next input to work on, waiting while the worker would run more than `window` ahead; `nil` when none is left.
        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !stopped, nextToClaim < count, nextToClaim - taken >= window { condition.wait() }
            guard !stopped, nextToClaim < count else { return nil }
            nextToClaim += 1
            return nextToClaim - 1
        }

        func finish(_ index: Int, _ output: Output) {
            condition.lock()
            ready[index] = output
            condition.broadcast()
            condition.unlock()
        }

        /// The result for `index`, the next in order, once a worker has finished it.
        func take(_ index: Int) -> Output {
            condition.lock()
            defer { condition.unlock() }
            while ready[index] == nil { condition.wait() }
            taken = index + 1
            condition.broadcast()
            return ready.removeValue(forKey: index)!
        }

        /// No more inputs are handed out.
        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
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
