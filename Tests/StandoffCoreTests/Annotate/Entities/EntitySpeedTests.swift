import Foundation
import Testing
@testable import StandoffCore

/// Throughput on the corpus text repeated to about 10 MB, printed in MB/s of UTF-8. Off by default
/// because timings depend on the machine; run it in release mode with
/// `STANDOFF_ENTITY_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter EntitySpeedTests`.
@Suite("Entity annotator speed")
struct EntitySpeedTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STANDOFF_ENTITY_BENCH"] != nil))
    func throughputOnTenMegabytes() throws {
        let sentences = try EntityCorpus.documents().flatMap { $0.sentences.map(\.text) }
        var document = Document(id: "bench", sourceFile: "raw/bench.txt", rawBytes: [])
        var text = ""
        var scalarCount = 0
        var parts: [Sentence] = []
        while text.utf8.count < 10_000_000 {
            for sentence in sentences {
                if !text.isEmpty {
                    text += " "
                    scalarCount += 1
                }
                let length = sentence.unicodeScalars.count
                parts.append(Sentence(index: parts.count, paragraph: 0, start: scalarCount, end: scalarCount + length, text: sentence))
                text += sentence
                scalarCount += length
            }
        }
        document.text = text
        document.sentences = parts
        let megabytes = Double(text.utf8.count) / 1_000_000
        let clock = ContinuousClock()

        let matcher = EntityFixture.rules.matcher
        var hits = 0
        let matching = clock.measure {
            for sentence in parts { hits += matcher.hits(in: Array(sentence.text.unicodeScalars)).count }
        }
        var diagnostics: [Diagnostic] = []
        var mentions: [Mention] = []
        let annotating = clock.measure { mentions = EntityFixture.annotator.mentions(in: document, diagnostics: &diagnostics) }

        func rate(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%.1f MB/s (%.2f s)", megabytes / seconds, seconds)
        }
        print(String(format: "entities bench: %.1f MB, %d sentences, %d hits, %d mentions", megabytes, parts.count, hits, mentions.count))
        print("entities bench: matcher \(rate(matching)); whole annotator \(rate(annotating))")
        #expect(mentions.count > 100_000)
    }
}
