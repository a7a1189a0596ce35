import Foundation

/// A one-line progress display on standard error: documents done of total, rate and time left.
///
/// It stays silent for the first second, so short runs print nothing, and redraws at most five
/// times a second; it is enabled only when standard error is a terminal, so logs stay clean.
///
/// ```
/// [4200/10000] 1530 docs/s, 8.4 MB/s, 0:04 left
/// ```
struct ProgressDisplay {
    /// How long a run must take before the line appears.
    static let quietPeriod: Duration = .seconds(1)
    /// The shortest time between two redraws.
    static let redrawInterval: Duration = .milliseconds(200)

    let total: Int
    let enabled: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant?
    private(set) var done = 0
    /// Raw bytes of the documents done so far (the rate counts all of them, not the last one's).
    private(set) var bytes = 0

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
        start = clock.now
    }

    /// Counts one finished document of `documentBytes` raw bytes and redraws when it is time.
    mutating func advance(bytes documentBytes: Int) {
        done += 1
        bytes += documentBytes
        guard enabled else { return }
        let now = clock.now
        guard now - start >= Self.quietPeriod, lastDraw.map({ now - $0 >= Self.redrawInterval }) ?? true else { return }
        lastDraw = now
        FileHandle.standardError.write(Data(("\r" + line(elapsed: now - start) + "\u{1B}[K").utf8))
    }

    /// The line as drawn now, `elapsed` after the start.
    func line(elapsed: Duration) -> String {
        Self.line(done: done, total: total, bytes: bytes, elapsed: elapsed)
    }

    /// Clears the line if it was drawn.
    func finish() {
        if enabled && lastDraw != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// The text of the line after `done` of `total` documents, `bytes` raw bytes, in `elapsed` time.
    static func line(done: Int, total: Int, bytes: Int, elapsed: Duration) -> String {
        let seconds = max(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 1e-9)
        let rate = Double(done) / seconds
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
        return "[\(done)/\(total)] \(Int(rate.rounded())) docs/s, \(String(format: "%.1f", Double(bytes) / 1e6 / seconds)) MB/s, "
            + "\(left / 60):\(String(format: "%02d", left % 60)) left"
    }
}
