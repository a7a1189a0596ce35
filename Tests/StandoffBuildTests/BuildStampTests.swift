import Foundation
import StandoffTestSupport
import Testing
@testable import StandoffBuild

/// A run with nothing changed reuses the last run's outputs; any change to an input or an
/// output makes it rebuild, and the rebuild equals a clean build byte for byte.
@Suite("Build stamp")
struct BuildStampTests {
    /// A copy of the project's raw files and annotations to edit freely.
    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.path("raw")) where name.hasSuffix(".txt") {
            try folder.write("raw/" + name, Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("raw/" + name)))))
        }
        try folder.write("annotations/dataset.json", Array(try Repository.text("annotations/dataset.json").utf8))
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.path("annotations/rules")) {
            try folder.write("annotations/rules/" + name, Array(try Repository.text("annotations/rules/" + name).utf8))
        }
        return folder
    }

    static func options(_ folder: TemporaryFolder, build: String = "build", commit: SourceCommit = .unknown) -> BuildOptions {
        var options = BuildOptions(rawFolder: folder.path + "/raw", annotationsFolder: folder.path + "/annotations", buildFolder: folder.path + "/" + build,
                                   snapshotFolder: folder.path + "/annotations/documents")
        options.sourceCommit = commit
        return options
    }

    /// The edits after which a run must rebuild.
    enum Edit: String, CaseIterable, Sendable {
        /// `sourceCommit`: the card, datapackage.json and CITATION.cff name another commit.
        case rawFile, ruleFile, archive, snapshotFile, release, sourceCommit
    }

    @Test func anUnchangedProjectIsReused() throws {
        let folder = try Self.project()
        let first = try DatasetBuild(options: Self.options(folder)).run(reuse: true)
        #expect(first.upToDate == nil)
        let second = try DatasetBuild(options: Self.options(folder)).run(reuse: true)
        #expect(second.upToDate?.line == first.summary.line)
        #expect(second.archives == first.archives)
        // Without `reuse` (`--force`) it rebuilds.
        #expect(try DatasetBuild(options: Self.options(folder)).run(reuse: false).upToDate == nil)
    }

    @Test(arguments: Edit.allCases)
    func anyChangeRebuildsToWhatACleanBuildWrites(_ edit: Edit) throws {
        let folder = try Self.project()
        let first = try DatasetBuild(options: Self.options(folder)).run(reuse: true)
        var release = false
        var commit = SourceCommit.unknown
        switch edit {
        case .rawFile:
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/raw").sorted().first)
            try folder.write("raw/" + name, try folder.read("raw/" + name) + Array("\nOne more closing sentence was added here.\n".utf8))
        case .ruleFile:
            try folder.write("annotations/rules/gazetteer.jsonl", try folder.read("annotations/rules/gazetteer.jsonl") +
                             Array(#"{"id": "atlantis", "name": "Atlantis", "type": "GPE", "match": ["[Atlantis] sank."]}"#.utf8) + [0x0A])
        case .archive:
            let archive = try #require(first.archives.first)
            try Data("not an archive".utf8).write(to: URL(fileURLWithPath: archive))
        case .snapshotFile:
            let name = try #require(FileOutput.files(below: folder.path + "/annotations/documents").first)
            try folder.write("annotations/documents/" + name, Array("edited by hand\n".utf8))
        case .release:
            release = true
        case .sourceCommit:
            commit = SourceCommit(id: String(repeating: "ab", count: 20), dirty: true)
        }
        let second = try DatasetBuild(options: Self.options(folder, commit: commit)).run(release: release, reuse: true)
        #expect(second.upToDate == nil, "\(edit) must rebuild")
        let clean = try DatasetBuild(options: Self.options(folder, build: "clean", commit: commit)).run(release: release)
        for (rebuilt, fresh) in zip(second.archives, clean.archives) {
            #expect(try folder.read(String(rebuilt.dropFirst(folder.path.count + 1))) == folder.read(String(fresh.dropFirst(folder.path.count + 1))))
        }
        // And now it is up to date again.
        #expect(try DatasetBuild(options: Self.options(folder, commit: commit)).run(release: release, reuse: true).upToDate != nil)
    }
}
