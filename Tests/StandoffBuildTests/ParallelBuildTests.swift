import Foundation
import StandoffCore
import StandoffTestSupport
import Testing
@testable import StandoffBuild

/// Processing documents on several threads changes nothing in the output.
@Suite("Parallel build")
struct ParallelBuildTests {
    @Test(arguments: [1, 2, 3, 8])
    func mapKeepsInputOrder(jobs: Int) {
        let inputs = Array(0..<517)
        // Uneven work per element, so threads finish out of order.
        let outputs = ParallelMap.map(inputs, jobs: jobs) { value in
            (0..<(value % 7) * 500).reduce(value) { ($0 &* 31 &+ $1) % 1_000_003 }
        }
        #expect(outputs == inputs.map { value in (0..<(value % 7) * 500).reduce(value) { ($0 &* 31 &+ $1) % 1_000_003 } })
    }

    /// Results reach the consumer in input order however unevenly the work falls, and workers
    /// never run more than the window ahead of it.
    @Test(arguments: [(1, 4), (2, 4), (3, 1), (8, 16)])
    func forEachInOrderKeepsInputOrderWithinTheWindow(jobs: Int, window: Int) throws {
        let inputs = Array(0..<517)
        let started = Counter()
        var consumed: [Int] = []
        try ParallelMap.forEachInOrder(inputs, jobs: jobs, window: window, { _, value in
            started.increment()
            return (value, (0..<(value % 7) * 500).reduce(value) { ($0 &* 31 &+ $1) % 1_000_003 })
        }, consume: { input, output in
            #expect(output.0 == input)
            // Workers have started at most the ones taken (this one included) plus the window.
            #expect(started.value <= consumed.count + 1 + max(window, jobs))
            consumed.append(output.0)
        })
        #expect(consumed == inputs)
    }

    /// An error from the consumer stops the workers taking inputs and comes out unchanged.
    @Test func aConsumerErrorStopsTheWorkers() {
        struct Stop: Error {}
        let started = Counter()
        #expect(throws: Stop.self) {
            try ParallelMap.forEachInOrder(Array(0..<10_000), jobs: 2, window: 8, { _, value in
                started.increment()
                return value
            }, consume: { _, value in
                if value == 20 { throw Stop() }
            })
        }
        #expect(started.value <= 21 + 8)
    }

    /// A count threads may add to at once.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    /// A corpus larger than one batch, with a bad file and a duplicate in it, built with one and
    /// with three jobs: archives, tables and the validation report are the same bytes.
    @Test func threeJobsWriteTheSameBytesAsOne() throws {
        let corpus = try TemporaryFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.path("raw")).filter { $0.hasSuffix(".txt") }.sorted()
        for copy in 0..<24 {
            for name in names {
                try corpus.write("raw/\(copy)_\(name)", Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("raw/" + name)))))
            }
        }
        try corpus.write("raw/50_bad.txt", [0x41, 0xFF, 0x42])
        var reports: [String] = []
        var archives: [[UInt8]] = []
        for jobs in [1, 3] {
            let build = try TemporaryFolder()
            let options = BuildOptions(rawFolder: corpus.path + "/raw", annotationsFolder: Repository.path("annotations"),
                                       buildFolder: build.path, jobs: jobs)
            #expect(throws: BuildError.self) { _ = try DatasetBuild(options: options).run() }
            reports.append(String(decoding: try build.read("validation.json"), as: UTF8.self))
            // Without the bad file the build succeeds; compare its archive.
            try FileManager.default.removeItem(atPath: corpus.path + "/raw/50_bad.txt")
            let result = try DatasetBuild(options: options).run()
            #expect(result.summary.documents.count == 120)
            archives.append(Array(try Data(contentsOf: URL(fileURLWithPath: result.archives[0]))))
            try corpus.write("raw/50_bad.txt", [0x41, 0xFF, 0x42])
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0].contains("50_bad.txt"))
        #expect(archives[0] == archives[1])
    }

    /// A stage of the test's own: it tags every document it sees.
    struct Tagging: Stage {
        static let description = StageDescription(identifier: "tag", summary: "Tags the document.", requires: [], assigns: [])
        func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
            diagnostics.append(Diagnostic(severity: .warning, stage: "tag", code: "tagged", location: document.id, message: "seen by the given pipeline"))
        }
    }

    /// With several jobs every document runs through the pipeline and rules the build was given:
    /// a stage of the caller's own and a rule that is in no rule file both reach every document.
    @Test(arguments: [2, 3])
    func everyWorkerRunsTheGivenPipelineAndRules(jobs: Int) throws {
        let corpus = try TemporaryFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.path("raw")).filter { $0.hasSuffix(".txt") }.sorted()
        for copy in 0..<4 {
            for name in names {
                try corpus.write("raw/\(copy)_\(name)", Array(("Tagged by the test rule.\n" + (try Repository.text("raw/" + name))).utf8))
            }
        }
        let build = try TemporaryFolder()
        let options = BuildOptions(rawFolder: corpus.path + "/raw", annotationsFolder: Repository.path("annotations"), buildFolder: build.path, jobs: jobs)
        let dataset = DatasetBuild(options: options)
        var contents: [String: String] = [:]
        for name in RuleSet.FileName.all { contents[name] = try Repository.text("annotations/rules/" + name) }
        contents[RuleSet.FileName.boilerplate] = #"{"id": "test-tag", "summary": "The test's own line.", "pattern": "^tagged by the test rule", "match": ["Tagged by the test rule."]}"#
            + "\n" + contents[RuleSet.FileName.boilerplate]!
        let rules = try RuleSet(contents: contents, folder: "rules")
        // The extra stage goes before the last, so the pipeline ends where a standard one does.
        let standard = try #require(try Pipeline.standard(rules: rules, snapshot: false).prefix(through: Validate.description.identifier)).stages
        let pipeline = try Pipeline(stages: standard.dropLast() + [Tagging(), standard.last!])

        var removedByTheRule: [String] = []
        let summary = try dataset.process(pipeline, rules: rules, writesCache: false) { document in
            if document.removed.contains(where: { $0.line == 1 && $0.reason == "test-tag" }) { removedByTheRule.append(document.id) }
        }
        let ids = summary.documents.map(\.id)
        #expect(ids.count == 4 * names.count)
        #expect(removedByTheRule == ids, "documents not cleaned with the given rules: \(Set(ids).subtracting(removedByTheRule).sorted())")
        let tagged = summary.diagnostics.filter { $0.code == "tagged" }.map(\.location)
        #expect(tagged == ids, "documents the given pipeline's own stage did not see: \(Set(ids).subtracting(tagged).sorted())")
    }

    @Test func progressLineShowsCountRateAndTimeLeft() {
        #expect(ProgressDisplay.line(done: 250, total: 1000, bytes: 5_000_000, elapsed: .seconds(2)) == "[250/1000] 125 docs/s, 2.5 MB/s, 0:06 left")
        #expect(ProgressDisplay.line(done: 10, total: 10, bytes: 0, elapsed: .milliseconds(500)) == "[10/10] 20 docs/s, 0.0 MB/s, 0:00 left")
        #expect(ProgressDisplay.line(done: 1, total: 7201, bytes: 1, elapsed: .seconds(1)) == "[1/7201] 1 docs/s, 0.0 MB/s, 120:00 left")
    }

    /// The rate counts every document's bytes so far, not the last document's alone.
    @Test func progressCountsAllBytesDone() {
        var progress = ProgressDisplay(total: 3, enabled: false)
        for _ in 0..<3 { progress.advance(bytes: 1_000_000) }
        #expect(progress.done == 3)
        #expect(progress.line(elapsed: .seconds(1)) == "[3/3] 3 docs/s, 3.0 MB/s, 0:00 left")
    }
}
