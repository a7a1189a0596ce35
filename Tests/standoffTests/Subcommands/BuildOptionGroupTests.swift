import Foundation
import StandoffTestSupport
import Testing
@testable import standoff

/// The options every pipeline command shares: bad values are answered with the command's own usage.
@Suite("Build options")
struct BuildOptionGroupTests {
    @Test(arguments: [(["run", "--jobs", "0"], "--jobs must be 1 or more, not 0"),
                      (["split", "--report-pages=-1"], "--report-pages must be 0 (every document) or more, not -1")])
    func aBadValueIsAnsweredWithTheCommandsUsage(_ arguments: [String], _ message: String) throws {
        let build = try TemporaryFolder()
        let result = try StandoffProgram.run(arguments + ["--build", build.path])
        #expect(result.status == 64)
        #expect(result.errors.contains("Error: \(message)"), "\(result.errors)")
        #expect(result.errors.contains("Usage: standoff \(arguments[0]) "), "\(result.errors)")
        #expect(!build.exists("dist"))
    }

    /// Only the project's own raw folder refreshes the committed snapshot; another is built beside it.
    @Test(arguments: [([String](), "annotations/documents"), (["--raw", "my-articles"], "build/documents"),
                      (["--raw", "my-articles", "--build", "out"], "out/documents"), (["--raw", "./raw/"], "annotations/documents")])
    func theSnapshotFolderFollowsTheRawFolder(_ arguments: [String], _ snapshot: String) throws {
        #expect(try BuildOptionGroup.parse(arguments).options().snapshotFolder == snapshot)
        #expect(try BuildOptionGroup.parse(arguments + ["--no-snapshot"]).options().snapshotFolder == nil)
    }

    @Test func withoutJobsTheNumberOfCoresIsUsed() throws {
        let options = try BuildOptionGroup.parse([]).options()
        #expect(options.jobs == ProcessInfo.processInfo.activeProcessorCount)
        #expect(try BuildOptionGroup.parse(["--jobs", "3"]).options().jobs == 3)
    }
}
