import Foundation
import StandoffBuild
import StandoffTestSupport
import Testing

/// Whole-pipeline runs over small fixture corpora, compared with checked-in expected tables.
///
/// Expected files change only on purpose: after a deliberate change to rules or code, run
/// `STANDOFF_UPDATE_GOLDEN=1 swift test --filter GoldenPipelineTests` and review the diff of
/// `Tests/StandoffBuildTests/Fixtures/*/expected/` before committing it.
@Suite("Golden pipeline")
struct GoldenPipelineTests {
    static let fixtures = "Tests/StandoffBuildTests/Fixtures"
    static let tables = ["documents", "sentences", "removed"]

    static var fixtureNames: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: Repository.path(fixtures)).sorted()) ?? []
    }

    @Test func thereAreFixtures() {
        #expect(!Self.fixtureNames.isEmpty)
    }

    @Test(arguments: fixtureNames)
    func fixtureMatchesExpectedTables(_ name: String) throws {
        let folder = Repository.path("\(Self.fixtures)/\(name)")
        let build = try TemporaryFolder()
        let result = try DatasetBuild(options: BuildOptions(rawFolder: folder + "/raw", annotationsFolder: Repository.path("annotations"),
                                                            buildFolder: build.path)).export()
        let update = ProcessInfo.processInfo.environment["STANDOFF_UPDATE_GOLDEN"] == "1"
        for table in Self.tables {
            let actual = try String(contentsOfFile: "\(result.releaseFolder)/data/\(table).jsonl", encoding: .utf8)
            let expectedPath = "\(folder)/expected/\(table).jsonl"
            if update {
                try FileManager.default.createDirectory(atPath: folder + "/expected", withIntermediateDirectories: true)
                try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8)
            let firstDifference = zip((expected ?? "").split(separator: "\n"), actual.split(separator: "\n")).first { $0 != $1 }
            #expect(actual == expected, """
                \(name)/\(table).jsonl differs from the expected output\(firstDifference.map { ":\n  expected: \($0.0)\n  actual:   \($0.1)" } ?? "").
                If the change is intended, run: STANDOFF_UPDATE_GOLDEN=1 swift test --filter GoldenPipelineTests
                and review the diff before committing.
                """)
        }
    }
}
