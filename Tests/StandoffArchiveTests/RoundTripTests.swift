import Foundation
import StandoffArchive
import Testing

@Suite("Round trip")
struct RoundTripTests {
    static let options = ArchiveOptions(modificationTime: 1_700_000_000)

    @Test("a written tree reads back with the same paths, kinds and bytes", arguments: ArchiveFormat.allCases)
    func treeRoundTrips(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let name = "release.\(format.fileExtension)"
            let path = directory.file(name)
            try Sample.write(format: format, options: Self.options, to: path, in: directory)

            let members = try ArchiveReader.read(path: path)
            #expect(members.map(\.path) == Sample.entries.map(\.path))
            #expect(members == Sample.entries.map(\.member))
            let big = try #require(members.first { $0.path == "release/data/big.bin" })
            #expect(big.contents.count == 3 * 1024 * 1024 + 12_345)
            #expect(members.contains { $0.path == Sample.nonASCIIName && !$0.isDirectory })
            #expect(members.contains { $0.path == "release/data/empty.txt" && $0.contents.isEmpty && !$0.isDirectory })
            // Only the committed archive is left: no temporary file, no staged sources.
            #expect(try directory.listing() == [name])
        }
    }

    @Test("reading bytes in memory and reading the file give the same members", arguments: ArchiveFormat.allCases)
    func memoryAndPathAgree(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("release.\(format.fileExtension)")
            let entries: [SampleEntry] = [.directory("top"), .file("top/a.txt", Array("a".utf8))]
            try Sample.write(entries, format: format, options: Self.options, to: path, in: directory)
            let fromMemory = try ArchiveReader.read(try readBytes(at: path), name: path)
            let fromPath = try ArchiveReader.read(path: path)
            #expect(fromMemory == fromPath)
            #expect(fromMemory == entries.map(\.member))
        }
    }

    @Test("an archive with no entries is valid and reads back empty", arguments: ArchiveFormat.allCases)
    func emptyArchive(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("empty.\(format.fileExtension)")
            try Sample.write([], format: format, options: Self.options, to: path, in: directory)
            #expect(try ArchiveReader.read(path: path) == [])
        }
    }

    @Test("formats name their file extensions")
    func fileExtensions() {
        #expect(ArchiveFormat.tarGzip.fileExtension == "tar.gz")
        #expect(ArchiveFormat.zip.fileExtension == "zip")
        #expect(ArchiveFormat(rawValue: "tar.gz") == .tarGzip)
        #expect(ArchiveFormat.allCases == [.tarGzip, .zip])
    }
}
