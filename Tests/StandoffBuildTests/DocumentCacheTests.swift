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

    /// Ways the pack on disk can be wrong, and how many documents are still read back from it:
    /// a damaged entry costs its document, a damaged pack costs every document; none is misread.
    enum Damage: String, CaseIterable, Sendable {
        case entryDamaged, entryBytesFlipped, otherDocumentsEntry, truncated, garbage, empty, olderPackFormat

        var costsEveryDocument: Bool { ![.entryDamaged, .entryBytesFlipped, .otherDocumentsEntry].contains(self) }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedCacheIsAnnotatedAgain(_ damage: Damage) throws {
        let folder = try BuildStampTests.project()
        let names = try Self.rawNames(folder)
        let build = DatasetBuild(options: Self.options(folder))
        _ = try build.run()
        let cache = DocumentCache(root: build.options.cacheFolder, rulesFingerprint: build.rulesFingerprint(), writes: true)
        let packPath = String(cache.packPath.dropFirst(folder.path.count + 1))
        let bytes = try folder.read(packPath)
        let sourceFiles = names.map { "raw/" + $0 }
        let entries = try sourceFiles.map { try #require(CachePack(path: cache.packPath)?.bytes(of: $0)) }
        switch damage {
        case .entryDamaged:
            // The first entry starts right after the header; the byte after its magic is its format version.
            var damaged = bytes
            damaged[CachePack.header.count + CachedDocument.magic.count] = UInt8(2 * (CachedDocument.formatVersion - 1))
            try folder.write(packPath, damaged)
        case .entryBytesFlipped:
            // One bit in the middle of the first entry: it may still decode, so the checksum must catch it.
            var damaged = bytes
            damaged[CachePack.header.count + entries[0].count / 2] ^= 0x01
            try folder.write(packPath, damaged)
        case .otherDocumentsEntry:
            let writer = try #require(CachePackWriter(path: cache.packPath))
            writer.append(entries[1], sourceFile: sourceFiles[0])
            for (entry, sourceFile) in zip(entries, sourceFiles).dropFirst() { writer.append(entry, sourceFile: sourceFile) }
            writer.finish()
        case .truncated: try folder.write(packPath, Array(bytes.prefix(bytes.count - 1)))
        case .garbage: try folder.write(packPath, Array("not a cache pack".utf8))
        case .empty: try folder.write(packPath, [])
        case .olderPackFormat:
            // The index starts with the pack's format version; its offset is the trailer's first 8 bytes.
            let trailer = bytes.count - 8 - CachePack.footer.count
            let indexOffset = bytes[trailer..<(trailer + 8)].reversed().reduce(0) { $0 << 8 | Int($1) }
            var older = bytes
            older[indexOffset] = UInt8(2 * (CachePack.formatVersion - 1))
            try folder.write(packPath, older)
        }
        let second = try DatasetBuild(options: Self.options(folder)).run()
        #expect(second.summary.reusedDocuments == (damage.costsEveryDocument ? 0 : names.count - 1), "\(damage)")
        try Self.expectSameArchivesAsCleanBuild(folder)
        // The run wrote a whole pack again.
        let third = try DatasetBuild(options: Self.options(folder)).run()
        #expect(third.summary.reusedDocuments == names.count, "\(damage)")
    }

    /// A finished pack gives back each entry by path; a writer dropped before finishing (the
    /// run stopped) leaves neither a pack nor a partial file.
    @Test(arguments: [true, false])
    func aPackIsInPlaceOnlyOnceFinished(_ finished: Bool) throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/entries.pack"
        do {
            let writer = try #require(CachePackWriter(path: path))
            writer.append([1, 2, 3], sourceFile: "raw/a.txt")
            writer.append([], sourceFile: "raw/😀.txt")
            if finished { writer.finish() }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == (finished ? ["entries.pack"] : []))
        let pack = CachePack(path: path)
        #expect(pack?.bytes(of: "raw/a.txt") == (finished ? [1, 2, 3] : nil))
        #expect(pack?.bytes(of: "raw/😀.txt") == (finished ? [] : nil))
        #expect(pack?.bytes(of: "raw/b.txt") == nil)
    }

    /// A stage command that stops before the cached stages leaves the pack as it was; a complete
    /// run removes what is not the pack, such as the partial pack of a run that was killed.
    @Test func stageCommandsKeepThePackAndCompleteRunsRemoveStrayFiles() throws {
        let project = try BuildStampTests.project()
        let names = try Self.rawNames(project)
        let build = DatasetBuild(options: Self.options(project))
        _ = try build.run()
        _ = try build.runStage("clean")
        let cache = DocumentCache(root: build.options.cacheFolder, rulesFingerprint: build.rulesFingerprint(), writes: true)
        let dead = cache.packPath + ".\(Int32.max).partial"
        try project.write(String(dead.dropFirst(project.path.count + 1)), [1, 2, 3])
        try project.write(String((cache.folder + "/stray.bin").dropFirst(project.path.count + 1)), [4])
        let second = try DatasetBuild(options: Self.options(project)).run()
        #expect(second.summary.reusedDocuments == names.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder) == [DocumentCache.packName])
    }

    /// The pack holds the current corpus only: a removed raw file's entry goes with the next run.
    @Test func aRemovedRawFileLeavesThePack() throws {
        let folder = try BuildStampTests.project()
        let names = try Self.rawNames(folder)
        let build = DatasetBuild(options: Self.options(folder))
        _ = try build.run()
        FileOutput.remove(folder.path + "/raw/" + names[0])
        let second = try build.run()
        #expect(second.summary.reusedDocuments == names.count - 1)
        let cache = DocumentCache(root: build.options.cacheFolder, rulesFingerprint: build.rulesFingerprint(), writes: false)
        let pack = try #require(CachePack(path: cache.packPath))
        #expect(pack.bytes(of: "raw/" + names[0]) == nil)
        #expect(pack.bytes(of: "raw/" + names[1]) != nil)
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
            // Sentences, mentions and cues are stored as offsets into the text, not as copies of it.
            let removedText = document.removed.reduce(0) { $0 + $1.text.utf8.count }
            #expect(entry.bytes.count < 2 * document.text.utf8.count + removedText, "\(name): \(entry.bytes.count) bytes")
            var restored = Document(id: document.id, sourceFile: document.sourceFile, rawBytes: [])
            restored.rawText = document.rawText
            restored.sourceSHA256 = document.sourceSHA256
            restored.sourceSize = document.sourceSize
            decoded.apply(to: &restored)
            #expect(restored == document, "\(name)")
        }
    }

    /// Span texts that are not the document text at their offsets (offsets past the end, other
    /// words, an emoji before them) are stored in full and come back unchanged.
    @Test(arguments: [(0, 5, "Japan"), (0, 5, "Tokyo"), (2, 3, "😀"), (40, 44, "past"), (3, 2, "reversed")])
    func spansThatAreNotTheTextRoundTrip(_ start: Int, _ end: Int, _ text: String) throws {
        var document = Document(id: "d", sourceFile: "raw/d.txt", rawBytes: [])
        document.text = "Japan 😀 and Korea"
        document.sentences = [Sentence(index: 0, paragraph: 0, start: start, end: end, text: text)]
        document.mentions = [Mention(sentenceIndex: 0, start: start, end: end, text: text, type: "GPE", entityID: "japan", entityName: "Japan",
                                     rule: "gazetteer")]
        let entry = CachedDocument(document, diagnostics: [])
        #expect(try CachedDocument(bytes: entry.bytes) == entry)
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
