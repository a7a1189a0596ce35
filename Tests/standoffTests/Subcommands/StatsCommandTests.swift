import Foundation
import StandoffTestSupport
import Testing

/// `standoff stats` outside a project folder says where to run it.
@Suite("stats")
struct StatsCommandTests {
    @Test func outsideAProjectFolderTheErrorSaysWhereToRun() throws {
        let elsewhere = try TemporaryFolder()
        let result = try StandoffProgram.run(["stats"], in: elsewhere.path)
        #expect(result.status == 1)
        #expect(result.errors == "standoff: error: annotations/rules: no rule files here; run standoff inside the project folder (the one holding annotations/), or pass --annotations DIR\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "stats writes nothing")
    }
}
