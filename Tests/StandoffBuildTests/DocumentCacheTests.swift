import Foundation
import StandoffCore
import StandoffTestSupport
import Testing
@testable import StandoffBuild

/// The document cache: after one raw file changes only that document is annotated again, any
/// rule change annotates everything, a damaged entry is a miss, and every cached build writes
/// the bytes a build without the cache writes.
@Suite("Document cache")
struct DocumentCacheTests {
    static func options(_ folder: TemporaryFolder, build: String = "build", cache: BuildOptions.CacheUse? = .readWrite) -> BuildOptions {
        var options = BuildStampTests.options(folder, build: build)
        options.snapshotFolder = nil
        options.cache = cache
        return options
    }

    /// The archives' bytes of a build folder, by file name.
    static func archives(_ folder: TemporaryFolder, build: String) throws -> [String: [UInt8]] {
        var archives: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path + "/" + build + "/dist") {
            archives[name] = try folder.read(build + "/dist/" + name)
        }
        return archives
    }

    /// Builds `folder` with no cache into `clean/` and checks the cached build's archives equal it.
    static func expectSameArchivesAsCleanBuild(_ folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation) throws {
        FileOutput.remove(folder.path + "/clean")
        _ = try DatasetBuild(options: options(folder, build: "clean", cache: nil)).run()
        let cached = try archives(folder, build: "build")
        #expect(cached.count == 2, sourceLocation: sourceLocation)
        #expect(cached == (try archives(folder, build: "clean")), sourceLocation: sourceLocation)
    }

    static func rawNames(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path + "/raw").filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test func afterOneRawFileChangesOnlyItIsAnnotatedAgain() throws {
        let folder = try BuildStampTests.project()
        let names = try Self.rawNames(folder)
        let first = try DatasetBuild(options: Self.options(folder)).run()
        #expect(first.summary.reusedDocuments == 0)
        #expect(first.summary.timings.seconds["annotate"] ?? 0 > 0)

        let edited = names[1]
        try folder.write("raw/" + edited, try folder.read("raw/" + edited) + Array("\nTokyo should seize the chance to meet Kim.\n".utf8))
        let second = try DatasetBuild(options: Self.options(folder)).run()
        #expect(second.summary.reusedDocuments == names.count - 1)
        #expect(second.summary.documents.count == names.count)
        try Self.expectSameArchivesAsCleanBuild(folder)

        // Unchanged again: everything is read back, and still the same bytes.
        let third = try DatasetBuild(options: Self.options(folder)).run()
        #expect(third.summary.reusedDocuments == names.count)
        #expect(third.summary.line == second.summary.line)
        try Self.expectSameArchivesAsCleanBuild(folder)
    }

    @Test func aRuleChangeAnnotatesEveryDocumentAndLeavesOneCacheFolder() throws {
        let folder = try BuildStampTests.project()
        _ = try DatasetBuild(options: Self.options(folder)).run()
        try folder.write("annotations/rules/gazetteer.jsonl", try folder.read("annotations/rules/gazetteer.jsonl") +
                         Array(#"{"id": "atlantis", "name": "Atlantis", "type": "GPE", "match": ["[Atlantis] sank."]}"#.utf8) + [0x0A])
        let second = try DatasetBuild(options: Self.options(folder)).run()
        #expect(second.summary.reusedDocuments == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/build/cache").count == 1)
        try Self.expectSameArchivesAsCleanBuild(folder)
    }

    @Test func aCorrectionEditReusesEveryAnnotatedDocument() throws {
        let folder = try BuildStampTests.project()
        let build = DatasetBuild(options: Self.options(folder))
        _ = try build.run()
        // Corrections run after the cache, so recording one re-annotates nothing, yet it applies.
        let documentID = String(try #require(try Self.rawNames(folder).first).dropLast(4))
        _ = try CorrectionRecorder(build: build).stance(sentenceID: documentID + "-s0001", target: "japan-dprk-dialogue", label: "against",
                                                        holder: nil, by: "A. Reviewer", why: "Checks the cache.")
        let second = try build.run()
        #expect(second.summary.reusedDocuments == (try Self.rawNames(folder)).count)
        let stances = try String(contentsOfFile: folder.path + "/build/release/japan-dprk-summit-commentary-0.1.0/data/stances.csv", encoding: .utf8)
        #expect(stances.contains(documentID + "-s0001,\(documentID),japan-dprk-dialogue,against,"))
        try Self.expectSameArchivesAsCleanBuild(folder)
    }

    /// Ways an entry on disk can be wrong; each must be read as a miss.
    enum Damage: String, CaseIterable, Sendable {
        case truncated, garbage, empty, otherDocumentsEntry, olderFormat
    }

    @Test(arguments: Damage.allCases)
    func aDamagedEntryIsAnnotatedAgain(_ damage: Damage) throws {
        let folder = try BuildStampTests.project()
        let names = try Self.rawNames(folder)
        _ = try DatasetBuild(options: Self.options(folder)).run()
        let cacheFolder = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/build/cache").first)
        let entry = "build/cache/" + cacheFolder + "/" + String(names[0].dropLast(4)) + ".bin"
        let bytes = try folder.read(entry)
        switch damage {
        case .truncated: try folder.write(entry, Array(bytes.prefix(bytes.count / 2)))
        case .garbage: try folder.write(entry, Array("not a cache entry".utf8))
        case .empty: try folder.write(entry, [])
        case .otherDocumentsEntry:
            try folder.write(entry, try folder.read("build/cache/" + cacheFolder + "/" + String(names[1].dropLast(4)) + ".bin"))
        case .olderFormat:
            // The byte after the magic is the format version.
            var older = bytes
            older[CachedDocument.magic.count] = UInt8(2 * (CachedDocument.formatVersion - 1))
            try folder.write(entry, older)
        }
        let second = try DatasetBuild(options: Self.options(folder)).run()
        #expect(second.summary.reusedDocuments == names.count - 1, "\(damage)")
        try Self.expectSameArchivesAsCleanBuild(folder)
    }

    @Test func statisticsReadTheCacheButWriteNothing() throws {
        let folder = try BuildStampTests.project()
        let fresh = try DatasetBuild(options: Self.options(folder)).statistics()
        #expect(fresh.reusedDocuments == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/build/cache/"), "stats wrote a cache entry")
        _ = try DatasetBuild(options: Self.options(folder)).run()
        let cached = try DatasetBuild(options: Self.options(folder)).statistics()
        #expect(cached.reusedDocuments == (try Self.rawNames(folder)).count)
        #expect(cached.statistics == fresh.statistics)
        #expect(cached.documents == fresh.documents)
    }

    @Test func anEntryDecodesToTheDocumentItWasMadeFrom() throws {
        let folder = try BuildStampTests.project()
        let build = DatasetBuild(options: Self.options(folder, cache: nil))
        let pipeline = try #require(try build.pipeline().prefix(through: DocumentCache.lastCachedStage))
        for name in try Self.rawNames(folder) {
            var document = Document(id: String(name.dropLast(4)), sourceFile: "raw/" + name, rawBytes: try folder.read("raw/" + name))
            var diagnostics: [Diagnostic] = []
            try pipeline.run(&document, diagnostics: &diagnostics)
            let entry = CachedDocument(document, diagnostics: diagnostics)
            let decoded = try CachedDocument(bytes: entry.bytes)
            #expect(decoded == entry, "\(name)")
            var restored = Document(id: document.id, sourceFile: document.sourceFile, rawBytes: [])
            restored.rawText = document.rawText
            restored.sourceSHA256 = document.sourceSHA256
            restored.sourceSize = document.sourceSize
            decoded.apply(to: &restored)
            #expect(restored == document, "\(name)")
        }
    }

    /// Values at the edges of the byte encoding, each written and read back.
    @Test(arguments: [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min])
    func integersRoundTrip(_ value: Int) throws {
        var writer = BinaryWriter()
        writer.write(value)
        var reader = BinaryReader(writer.bytes)
        #expect(try reader.readInt() == value)
        #expect(reader.isAtEnd)
    }

    @Test(arguments: ["", "Kim", "😀 Japan–North Korea “talks”", String(repeating: "x", count: 300)])
    func stringsRoundTrip(_ value: String) throws {
        var writer = BinaryWriter()
        writer.write(value)
        writer.write(Optional(value))
        writer.write(String?.none)
        var reader = BinaryReader(writer.bytes)
        #expect(try reader.readString() == value)
        #expect(try reader.readOptionalString() == value)
        #expect(try reader.readOptionalString() == nil)
        #expect(reader.isAtEnd)
    }

    @Test func aCountLargerThanTheBytesLeftIsMalformed() throws {
        var writer = BinaryWriter()
        writer.write(1_000_000)
        var reader = BinaryReader(writer.bytes + [0x41])
        #expect(throws: BinaryReader.Malformed.self) { try reader.readString() }
    }
}
