import Crypto
import Foundation
import StandoffArchive
import StandoffBuild
import StandoffTestSupport
import Testing

@Suite("Dataset build")
struct DatasetBuildTests {
    static let release = "japan-dprk-summit-commentary"

    func options(raw: String = Repository.path("raw"), build: TemporaryFolder, epoch: Int64? = nil, strict: Bool = false) -> BuildOptions {
        BuildOptions(rawFolder: raw, annotationsFolder: Repository.path("annotations"), buildFolder: build.path, strict: strict, sourceDateEpoch: epoch)
    }

    func sha256(_ path: String) throws -> String {
        SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
    }

    @Test func realCorpusBuildsTwiceToIdenticalArchives() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        let a = try DatasetBuild(options: options(build: first)).run()
        let b = try DatasetBuild(options: options(build: second)).run()
        #expect(a.archives.count == 2)
        #expect(a.summary.documents.count == 5)
        for (left, right) in zip(a.archives, b.archives) {
            #expect(try sha256(left) == sha256(right), "\(left)")
        }
        // A different SOURCE_DATE_EPOCH gives different bytes: the time really is in the archive.
        let third = try TemporaryFolder()
        let c = try DatasetBuild(options: options(build: third, epoch: 1_600_000_000)).run()
        #expect(try sha256(a.archives[0]) != sha256(c.archives[0]))
        #expect(!first.exists("tmp/\(URL(fileURLWithPath: a.archives[0]).lastPathComponent).partial"))
    }

    @Test func archivesRoundTripThroughLibarchiveToTheReleaseFolder() throws {
        let build = try TemporaryFolder()
        let result = try DatasetBuild(options: options(build: build)).run()
        let folder = try #require(FileManager.default.contentsOfDirectory(atPath: build.path + "/release").first)
        for archive in result.archives {
            let members = try ArchiveReader.read(path: archive)
            let files = members.filter { !$0.isDirectory }
            #expect(Set(members.map { $0.path.split(separator: "/").first.map(String.init) ?? "" }) == [folder])
            #expect(files.map(\.path).sorted() == files.map(\.path), "entries are sorted")
            #expect(files.count == 20, "README.md, SHA256SUMS, datapackage.json, CITATION.cff, 10 tables and the report's index and 5 pages")
            #expect(files.contains { $0.path == folder + "/report/index.html" })
            for member in files {
                let onDisk = try build.read("release/" + member.path)
                #expect(member.contents == onDisk, "\(member.path)")
            }
            // SHA256SUMS lists every other file with its real hash.
            let sums = String(decoding: try #require(files.first { $0.path.hasSuffix("/SHA256SUMS") }).contents, as: UTF8.self)
            for member in files where !member.path.hasSuffix("/SHA256SUMS") {
                let relative = member.path.split(separator: "/").dropFirst().joined(separator: "/")
                let hash = SHA256.hash(data: member.contents).map { String(format: "%02x", $0) }.joined()
                #expect(sums.contains("\(hash)  \(relative)\n"), "\(relative)")
            }
        }
    }

    @Test func everyRawLineIsBodyOrRemovedAndTablesAgree() throws {
        let build = try TemporaryFolder()
        let result = try DatasetBuild(options: options(build: build)).export()
        let data = result.releaseFolder + "/data/"
        func lines(_ name: String) throws -> [String] {
            try String(contentsOfFile: data + name, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        #expect(try lines("documents.jsonl").count == 5)
        #expect(try lines("sentences.jsonl").count == result.summary.rowCounts["sentences"])
        #expect(try lines("removed.jsonl").count == 47)
        #expect(try lines("mentions.jsonl").count == result.summary.rowCounts["mentions"])
        #expect(try String(contentsOfFile: data + "mentions.csv", encoding: .utf8).hasPrefix("mention_id,doc_id,sentence_id,start,end,text,type,entity_id,entity_name,rule,source,country\r\n"))
        #expect(result.summary.rowCounts["mentions"] == 476)
        let report = try String(contentsOfFile: build.path + "/validation.json", encoding: .utf8)
        #expect(report.contains("\"status\" : \"passed\""))
        let card = try String(contentsOfFile: result.releaseFolder + "/README.md", encoding: .utf8)
        #expect(card.contains("| Documents | 5 |"))
        #expect(card.contains("### `sentences`"))
    }

    struct BadFile: Sendable {
        let name: String
        let bytes: [UInt8]
        let message: String
    }

    static let badFiles: [BadFile] = [
        BadFile(name: "latin1.txt", bytes: Array("Caf".utf8) + [0xE9, 0x0A], message: "raw/latin1.txt: error: byte 3: not valid UTF-8"),
        BadFile(name: "empty.txt", bytes: [], message: "raw/empty.txt: error: the file is empty"),
        BadFile(name: "image.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], message: "raw/image.txt: error: byte 8: NUL byte"),
    ]

    @Test func badRawFilesAreAllReportedAndNoArchiveIsWritten() throws {
        let folder = try TemporaryFolder()
        let good = Array("The council approved the budget on Monday after a debate that lasted nine hours and ended at midnight.\n".utf8)
        try folder.write("raw/good.txt", good)
        for bad in Self.badFiles { try folder.write("raw/" + bad.name, bad.bytes) }
        let build = try TemporaryFolder()
        do {
            _ = try DatasetBuild(options: options(raw: folder.path + "/raw", build: build)).run()
            Issue.record("a raw folder with bad files built")
        } catch let error as BuildError {
            let message = error.description.replacingOccurrences(of: folder.path + "/", with: "")
            for bad in Self.badFiles {
                #expect(message.contains(bad.message), "\(message)")
            }
            #expect(message.contains("3 error(s); no archive was written"))
        }
        #expect(!build.exists("dist/\(Self.release)-0.1.0.tar.gz"))
        #expect(!build.exists("dist/\(Self.release)-0.1.0.zip"))
        #expect(!build.exists("release/\(Self.release)-0.1.0"))
        #expect(try folder.read("raw/good.txt") == good)
        for bad in Self.badFiles { #expect(try folder.read("raw/" + bad.name) == bad.bytes) }
        let report = try String(contentsOfFile: build.path + "/validation.json", encoding: .utf8)
        #expect(report.contains("\"status\" : \"failed\""))
        #expect(report.contains("invalid-utf8"))
    }

    @Test func duplicateContentWarnsKeepsBothAndFailsUnderStrict() throws {
        let folder = try TemporaryFolder()
        let text = Array("The council approved the budget on Monday after a debate that lasted nine hours and ended at midnight.\n".utf8)
        try folder.write("raw/a.txt", text)
        try folder.write("raw/b.txt", text)
        let build = try TemporaryFolder()
        let result = try DatasetBuild(options: options(raw: folder.path + "/raw", build: build)).export()
        #expect(result.summary.documents.map(\.id) == ["a", "b"])
        // The second warning: these articles are not the ones the project's manifest describes.
        #expect(result.summary.warnings.map(\.code) == ["duplicate-content", "manifest-of-another-corpus"])
        #expect(throws: BuildError.self) {
            try DatasetBuild(options: options(raw: folder.path + "/raw", build: try TemporaryFolder(), strict: true)).run()
        }
    }

    @Test func aReleasedVersionIsNotReplacedByDifferentData() throws {
        let folder = try TemporaryFolder()
        try folder.write("raw/a.txt", Array("The council approved the budget on Monday after a debate that lasted nine hours and ended at midnight.\n".utf8))
        let build = try TemporaryFolder()
        let first = try DatasetBuild(options: options(raw: folder.path + "/raw", build: build)).run(release: true)
        let archived = try first.archives.map { try sha256($0) }
        // The same data again is fine (and byte-identical).
        let again = try DatasetBuild(options: options(raw: folder.path + "/raw", build: build)).run(release: true)
        #expect(try again.archives.map { try sha256($0) } == archived)
        try folder.write("raw/a.txt", Array("The council rejected the budget on Monday after a debate that lasted nine hours and ended at midnight.\n".utf8))
        do {
            _ = try DatasetBuild(options: options(raw: folder.path + "/raw", build: build)).run(release: true)
            Issue.record("replaced a released version with different data")
        } catch let error as BuildError {
            #expect(error.description.contains("already released with different data"))
            #expect(error.description.contains("bump 'version'"))
        }
        #expect(try first.archives.map { try sha256($0) } == archived, "the released archives are untouched")
        // Without --release, a development build may overwrite.
        let development = try DatasetBuild(options: options(raw: folder.path + "/raw", build: build)).run()
        #expect(try development.archives.map { try sha256($0) } != archived)
    }

    @Test func packageBeforeExportSaysWhatToRun() throws {
        let build = try TemporaryFolder()
        do {
            _ = try DatasetBuild(options: options(build: build)).package()
            Issue.record("packaged nothing")
        } catch let error as BuildError {
            #expect(error.description.contains("run 'standoff export'"))
        }
    }

    @Test func manifestReleaseDateIsMidnightUTC() throws {
        let manifest = try DatasetManifest.load(path: Repository.path("annotations/dataset.json"))
        #expect(manifest.releaseName.hasPrefix(Self.release + "-"))
        var sample = manifest
        sample.released = "2024-04-04"
        #expect(sample.releasedEpoch == 1_712_188_800)
        sample.released = "1980-01-01"
        #expect(sample.releasedEpoch == 315_532_800)
    }
}
