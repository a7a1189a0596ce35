import Foundation
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

    @Test func progressLineShowsCountRateAndTimeLeft() {
        #expect(ProgressDisplay.line(done: 250, total: 1000, bytes: 5_000_000, elapsed: .seconds(2)) == "[250/1000] 125 docs/s, 2.5 MB/s, 0:06 left")
        #expect(ProgressDisplay.line(done: 10, total: 10, bytes: 0, elapsed: .milliseconds(500)) == "[10/10] 20 docs/s, 0.0 MB/s, 0:00 left")
        #expect(ProgressDisplay.line(done: 1, total: 7201, bytes: 1, elapsed: .seconds(1)) == "[1/7201] 1 docs/s, 0.0 MB/s, 120:00 left")
    }
}
