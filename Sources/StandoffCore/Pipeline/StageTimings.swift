import Foundation

/// Time spent in each stage, summed over documents, for `--timings` and the benchmark.
public struct StageTimings: Sendable, Equatable {
    /// Stage identifiers in the order they first ran.
    public private(set) var order: [String] = []
    /// Seconds per stage.
    public private(set) var seconds: [String: Double] = [:]

    /// No time yet.
    public init() {}

    /// Adds `duration` to `stage`.
    public mutating func add(_ duration: Duration, to stage: String) {
        if seconds[stage] == nil { order.append(stage) }
        let parts = duration.components
        seconds[stage, default: 0] += Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Adds every stage of `other`.
    public mutating func merge(_ other: StageTimings) {
        for stage in other.order {
            if seconds[stage] == nil { order.append(stage) }
            seconds[stage, default: 0] += other.seconds[stage] ?? 0
        }
    }

    /// `stage: 1.234 s` lines in stage order.
    public var rendered: String {
        order.map { "\($0): \(String(format: "%.3f", seconds[$0] ?? 0)) s" }.joined(separator: "\n")
    }
}
