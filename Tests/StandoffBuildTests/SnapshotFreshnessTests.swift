import Foundation
import StandoffBuild
import StandoffTestSupport
import Testing

/// The committed annotation snapshot must be what the current code, rules and raw files produce,
/// so no rule change lands without its effect showing in `git diff annotations/`.
@Suite("Annotation snapshot")
struct SnapshotFreshnessTests {
    static let committed = "annotations/documents"
    static let refresh = "run 'make dataset' (or 'standoff run'), review 'git diff annotations/documents' and commit it"

    /// A build of `raw/` with the snapshot written to a temporary folder.
    static func freshSnapshot() throws -> (folder: TemporaryFolder, build: TemporaryFolder) {
        let snapshot = try TemporaryFolder()
        let build = try TemporaryFolder()
        _ = try DatasetBuild(options: BuildOptions(rawFolder: Repository.path("raw"), annotationsFolder: Repository.path("annotations"),
                                                   buildFolder: build.path, snapshotFolder: snapshot.path)).export()
        return (snapshot, build)
    }

    static func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
    }

    @Test func committedSnapshotIsFresh() throws {
        let (fresh, _) = try Self.freshSnapshot()
        let committedFolder = Repository.path(Self.committed)
        #expect(Self.files(committedFolder) == Self.files(fresh.path),
                "the snapshot's files do not match the raw documents; \(Self.refresh)")
        for name in Self.files(fresh.path) {
            let expected = try String(contentsOfFile: fresh.path + "/" + name, encoding: .utf8)
            let actual = (try? String(contentsOfFile: committedFolder + "/" + name, encoding: .utf8)) ?? ""
            guard expected != actual else { continue }
            let old = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let new = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
            Issue.record("""
                \(Self.committed)/\(name) is stale at line \(line + 1):
                  committed: \(line < old.count ? String(old[line].prefix(300)) : "<end of file>")
                  current:   \(line < new.count ? String(new[line].prefix(300)) : "<end of file>")
                To refresh: \(Self.refresh).
                """)
        }
    }

    @Test func rebuildingRewritesEveryByteTheSame() throws {
        let first = try Self.freshSnapshot().folder
        let second = try Self.freshSnapshot().folder
        for name in Self.files(first.path) {
            #expect(try first.read(name) == second.read(name), "\(name)")
        }
    }

    @Test func aStaleFileIsRemovedAndAnUnchangedOneIsNotRewritten() throws {
        let snapshot = try TemporaryFolder()
        let build = try TemporaryFolder()
        let options = BuildOptions(rawFolder: Repository.path("raw"), annotationsFolder: Repository.path("annotations"),
                                   buildFolder: build.path, snapshotFolder: snapshot.path)
        _ = try DatasetBuild(options: options).export()
        try snapshot.write("gone.jsonl", Array("{}\n".utf8))
        let kept = snapshot.path + "/" + Self.files(snapshot.path)[0]
        let before = try FileManager.default.attributesOfItem(atPath: kept)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        _ = try DatasetBuild(options: options).export()
        #expect(!snapshot.exists("gone.jsonl"))
        #expect(try FileManager.default.attributesOfItem(atPath: kept)[.modificationDate] as? Date == before)
    }
}
