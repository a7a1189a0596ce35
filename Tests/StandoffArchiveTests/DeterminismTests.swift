import Foundation
import StandoffArchive
import Testing

@Suite("Deterministic output")
struct DeterminismTests {
    /// Writes `entries` with `options` and returns the archive's bytes.
    static func archive(
        _ entries: [SampleEntry] = Sample.entries,
        format: ArchiveFormat,
        options: ArchiveOptions
    ) throws -> [UInt8] {
        try withTemporaryDirectory { directory in
            let path = directory.file("out.\(format.fileExtension)")
            try Sample.write(entries, format: format, options: options, to: path, in: directory)
            return try readBytes(at: path)
        }
    }

    /// Text made of words, which deflate levels compress visibly differently.
    static let wordyText: [UInt8] = {
        let words = ["news", "article", "the", "of", "standoff", "annotation", "release", "dataset",
                     "reporter", "said", "on", "Monday", "city", "council", "vote", "budget"]
        let noise = pseudoRandomBytes(count: 400_000, seed: 7)
        var text: [UInt8] = []
        for byte in noise {
            text += Array(words[Int(byte) % words.count].utf8)
            text.append(byte % 5 == 0 ? 10 : 32)
        }
        return text
    }()

    @Test("writing the same entries twice, a second apart, gives identical bytes", arguments: ArchiveFormat.allCases)
    func identicalInputIdenticalBytes(format: ArchiveFormat) throws {
        let options = ArchiveOptions(modificationTime: 1_700_000_000)
        let first = try Self.archive(format: format, options: options)
        // Any wall-clock time leaking into the output would show up after a second.
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Self.archive(format: format, options: options)
        #expect(first.count > 1000)
        #expect(first == second)
    }

    /// Set only in the child process started by `zipIgnoresProcessTimeZone`: where to write its zip.
    static let childOutput = ProcessInfo.processInfo.environment["STANDOFF_ARCHIVE_TEST_ZIP_OUTPUT"]
    static let timeZoneEntries: [SampleEntry] = [.directory("top"), .file("top/a.txt", Array("a".utf8))]

    @Test("zip bytes do not depend on the process time zone", .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe")))
    func zipIgnoresProcessTimeZone() throws {
        // Changing TZ here would race with other tests writing zips, so a child run of
        // this test binary writes the zip with TZ set nine hours away from UTC.
        try withTemporaryDirectory { directory in
            let childZip = directory.file("child.zip")
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--testing-library", "swift-testing", "--filter", "zipWriterForTimeZoneCheck"]
            var environment = ProcessInfo.processInfo.environment
            environment["TZ"] = "JST-9"
            environment["STANDOFF_ARCHIVE_TEST_ZIP_OUTPUT"] = childZip
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)

            let here = try Self.archive(Self.timeZoneEntries, format: .zip, options: ArchiveOptions(modificationTime: 1_700_000_000))
            #expect(try readBytes(at: childZip) == here)
        }
    }

    @Test("child half of zipIgnoresProcessTimeZone", .enabled(if: childOutput != nil))
    func zipWriterForTimeZoneCheck() throws {
        let output = try #require(Self.childOutput)
        try #require(ProcessInfo.processInfo.environment["TZ"] == "JST-9")
        let bytes = try Self.archive(Self.timeZoneEntries, format: .zip, options: ArchiveOptions(modificationTime: 1_700_000_000))
        try writeBytes(bytes, to: output)
    }

    @Test("the gzip header carries no time stamp and no file name")
    func gzipHeaderHasNoTimestamp() throws {
        let bytes = try Self.archive(format: .tarGzip, options: ArchiveOptions(modificationTime: 1_700_000_000))
        #expect(Array(bytes[0..<3]) == [0x1f, 0x8b, 0x08])  // gzip magic, deflate
        #expect(bytes[3] == 0)  // FLG: no FNAME, FCOMMENT or FEXTRA
        #expect(Array(bytes[4..<8]) == [0, 0, 0, 0])  // MTIME
    }

    @Test("changing the modification time changes the bytes", arguments: ArchiveFormat.allCases)
    func modificationTimeMatters(format: ArchiveFormat) throws {
        let early = try Self.archive(format: format, options: ArchiveOptions(modificationTime: 1_600_000_000))
        let late = try Self.archive(format: format, options: ArchiveOptions(modificationTime: 1_700_000_000))
        #expect(early != late)
    }

    @Test("zip clamps times outside its range in every field; tar keeps them")
    func zipClampsTimes() throws {
        let entries: [SampleEntry] = [.directory("top"), .file("top/a.txt", Array("a".utf8))]
        func zip(_ time: Int64) throws -> [UInt8] {
            try Self.archive(entries, format: .zip, options: ArchiveOptions(modificationTime: time))
        }
        // Equal bytes mean the extended timestamp was clamped too, not only the DOS date.
        #expect(try zip(0) == zip(ArchiveWriter.earliestZipTime))
        #expect(try zip(5_000_000_000) == zip(ArchiveWriter.latestZipTime))
        #expect(try zip(ArchiveWriter.earliestZipTime) != zip(ArchiveWriter.earliestZipTime + 2))
        let tarAtZero = try Self.archive(entries, format: .tarGzip, options: ArchiveOptions(modificationTime: 0))
        let tarAt1980 = try Self.archive(entries, format: .tarGzip, options: ArchiveOptions(modificationTime: ArchiveWriter.earliestZipTime))
        #expect(tarAtZero != tarAt1980)
    }

    @Test("the compression level is honoured", arguments: ArchiveFormat.allCases)
    func compressionLevel(format: ArchiveFormat) throws {
        let entries: [SampleEntry] = [.file("text.txt", Self.wordyText)]
        func size(_ level: Int) throws -> Int {
            try Self.archive(entries, format: format, options: ArchiveOptions(modificationTime: 0, compressionLevel: level)).count
        }
        let stored = try size(0)
        let fast = try size(1)
        let best = try size(9)
        #expect(stored > Self.wordyText.count)  // level 0 only stores
        #expect(fast < stored / 2)
        #expect(best < fast)
        #expect(ArchiveOptions(modificationTime: 0).compressionLevel == 6)
    }
}
