import Foundation
import StandoffBuild
import StandoffTestSupport
import Testing

/// Building articles from another folder with a project's own manifest would give them that
/// corpus's name and title, and must never touch its committed snapshot.
@Suite("Manifest of another corpus")
struct ManifestCheckTests {
    static let article = Array("Ferry Fares Rise in Spring\n\nFerry fares across the bay will rise by ten percent in April, the transport authority said on Tuesday.\n".utf8)

    /// A copy of this project's annotations with `raw/` beside them, and a folder of other articles.
    static func project(ownArticles: Bool) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("annotations"), toPath: folder.path + "/annotations")
        try FileManager.default.createDirectory(atPath: folder.path + "/raw", withIntermediateDirectories: true)
        if ownArticles { try folder.write("raw/own.txt", article) }
        try folder.write("elsewhere/other.txt", article)
        return folder
    }

    static func build(_ folder: TemporaryFolder, raw: String) throws -> CorpusSummary {
        let annotations = folder.path + "/annotations", build = folder.path + "/build"
        let options = BuildOptions(rawFolder: folder.path + "/" + raw, annotationsFolder: annotations, buildFolder: build,
                                   snapshotFolder: BuildOptions.snapshotFolder(raw: folder.path + "/" + raw, annotations: annotations, build: build))
        return try DatasetBuild(options: options).run().summary
    }

    @Test func anotherRawFolderIsWarnedAboutAndWritesItsSnapshotUnderTheBuildFolder() throws {
        let folder = try Self.project(ownArticles: true)
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/annotations/documents").sorted()
        let summary = try Self.build(folder, raw: "elsewhere")
        #expect(summary.warnings.map(\.code) == ["manifest-of-another-corpus"])
        let warning = try #require(summary.warnings.first)
        #expect(warning.location == folder.path + "/annotations/dataset.json")
        let manifest = try DatasetManifest.load(path: folder.path + "/annotations/dataset.json")
        for words in ["'\(manifest.title)'", manifest.releaseName, "standoff init DIR", folder.path + "/elsewhere"] {
            #expect(warning.message.contains(words), "\(warning.message)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/annotations/documents").sorted() == committed, "the committed snapshot is untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/build/documents") == ["other.jsonl"])
    }

    @Test func theProjectsOwnRawFolderIsNot() throws {
        let folder = try Self.project(ownArticles: true)
        #expect(try Self.build(folder, raw: "raw").warnings.isEmpty)
    }

    /// A project whose own `raw/` is empty (a fresh `standoff init`) may build articles kept elsewhere.
    @Test func noWarningWhenTheProjectsOwnRawFolderHoldsNoArticles() throws {
        let folder = try Self.project(ownArticles: false)
        #expect(try Self.build(folder, raw: "elsewhere").warnings.isEmpty)
    }
}
