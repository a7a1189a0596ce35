import Foundation
import StandoffArchive
import Testing

@Suite("Atomic writing and entry validation")
struct AtomicityTests {
    static let options = ArchiveOptions(modificationTime: 1_700_000_000)

    @Test("a writer dropped without commit leaves nothing behind", arguments: ArchiveFormat.allCases)
    func droppedWriter(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let temporary = directory.file("release.partial")
            do {
                let writer = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
                try writer.addDirectory("release")
                try writer.addFile("release/a.txt", contents: Array(repeating: 65, count: 100_000))
                #expect(FileManager.default.fileExists(atPath: temporary))
            }
            #expect(!FileManager.default.fileExists(atPath: temporary))
            #expect(try directory.listing() == [])
        }
    }

    @Test("commit moves the archive into place and removes the temporary file", arguments: ArchiveFormat.allCases)
    func commitRenames(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let temporary = directory.file("release.partial")
            let final = directory.file("release.\(format.fileExtension)")
            try writeBytes(Array("old release".utf8), to: final)
            let writer = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
            try writer.addFile("a.txt", contents: Array("new".utf8))
            // Until the commit the old file is untouched.
            #expect(try readBytes(at: final) == Array("old release".utf8))
            try writer.commit(to: final)
            #expect(try directory.listing() == ["release.\(format.fileExtension)"])
            #expect(try ArchiveReader.read(path: final) == [ArchiveMember(path: "a.txt", isDirectory: false, contents: Array("new".utf8))])
            // A committed writer refuses more work instead of corrupting the archive.
            #expect(throws: ArchiveError.writerClosed(archive: temporary)) { try writer.addFile("b.txt", contents: []) }
            #expect(throws: ArchiveError.writerClosed(archive: temporary)) { try writer.commit(to: final) }
            #expect(try directory.listing() == ["release.\(format.fileExtension)"])
        }
    }

    struct InvalidPath: Sendable, CustomTestStringConvertible {
        var path: String
        var problem: ArchiveError.PathProblem
        var testDescription: String { "\"\(path)\" is \(problem)" }
    }

    static let invalidPaths: [InvalidPath] = [
        InvalidPath(path: "", problem: .empty),
        InvalidPath(path: "/etc/passwd", problem: .absolute),
        InvalidPath(path: "/", problem: .absolute),
        InvalidPath(path: "..", problem: .parentDirectory),
        InvalidPath(path: "../evil.txt", problem: .parentDirectory),
        InvalidPath(path: "data/../../evil.txt", problem: .parentDirectory),
        InvalidPath(path: "data/..", problem: .parentDirectory),
        InvalidPath(path: "data\\evil.txt", problem: .backslash),
        InvalidPath(path: "..\\evil.txt", problem: .backslash),
        InvalidPath(path: "data//a.txt", problem: .notNormalized),
        InvalidPath(path: "./a.txt", problem: .notNormalized),
        InvalidPath(path: "data/./a.txt", problem: .notNormalized),
        InvalidPath(path: "data/", problem: .notNormalized),
    ]

    @Test("an invalid entry path throws and leaves nothing", arguments: ArchiveFormat.allCases, invalidPaths)
    func invalidEntryPath(format: ArchiveFormat, invalid: InvalidPath) throws {
        try withTemporaryDirectory { directory in
            let temporary = directory.file("release.partial")
            let final = directory.file("release.\(format.fileExtension)")
            let writer = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
            try writer.addDirectory("data")
            let expected = ArchiveError.invalidEntryPath(archive: temporary, entry: invalid.path, problem: invalid.problem)
            #expect(throws: expected) { try writer.addFile(invalid.path, contents: Array("x".utf8)) }
            // The temporary file is gone at once, not only when the writer is released.
            #expect(try directory.listing() == [])
            #expect(throws: ArchiveError.writerClosed(archive: temporary)) { try writer.commit(to: final) }
            #expect(try directory.listing() == [])
        }
    }

    @Test("invalid folder paths are refused too", arguments: ArchiveFormat.allCases)
    func invalidDirectoryPath(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let temporary = directory.file("release.partial")
            let writer = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
            #expect(throws: ArchiveError.invalidEntryPath(archive: temporary, entry: "../up", problem: .parentDirectory)) {
                try writer.addDirectory("../up")
            }
            #expect(try directory.listing() == [])
        }
    }

    @Test("a path added twice is refused", arguments: ArchiveFormat.allCases)
    func duplicatePath(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let temporary = directory.file("release.partial")
            let writer = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
            try writer.addFile("a.txt", contents: [1])
            #expect(throws: ArchiveError.duplicateEntry(archive: temporary, entry: "a.txt")) {
                try writer.addFile("a.txt", contents: [2])
            }
            #expect(try directory.listing() == [])
        }
    }

    @Test("a missing or non-regular source file throws and leaves nothing", arguments: ArchiveFormat.allCases)
    func badSource(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let temporary = directory.file("release.partial")
            let missing = directory.file("missing.bin")
            let writer = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
            #expect(throws: ArchiveError.cannotReadSource(
                archive: temporary, entry: "a.bin", source: missing, reason: "No such file or directory")
            ) {
                try writer.addFile("a.bin", copying: missing)
            }
            #expect(try directory.listing() == [])

            let folder = directory.file("folder")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            let second = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
            #expect(throws: ArchiveError.cannotReadSource(archive: temporary, entry: "a.bin", source: folder, reason: "not a regular file")) {
                try second.addFile("a.bin", copying: folder)
            }
            #expect(try directory.listing() == ["folder"])
        }
    }

    @Test("a temporary path in a missing folder is reported with a fix", arguments: ArchiveFormat.allCases)
    func missingTemporaryFolder(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory throws in
            let temporary = directory.file("no-such-folder/release.partial")
            let error = #expect(throws: ArchiveError.self) {
                _ = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
            }
            #expect(error == .cannotCreate(path: temporary, reason: "No such file or directory"))
            #expect(error?.description.contains("create the folder first") == true)
            #expect(try directory.listing() == [])
        }
    }

    @Test("a final path in a missing folder fails the commit and removes the temporary file", arguments: ArchiveFormat.allCases)
    func missingFinalFolder(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let temporary = directory.file("release.partial")
            let final = directory.file("no-such-folder/release.\(format.fileExtension)")
            let writer = try ArchiveWriter(format: format, temporaryPath: temporary, options: Self.options)
            try writer.addFile("a.txt", contents: [1, 2, 3])
            #expect(throws: ArchiveError.commitFailed(temporaryPath: temporary, finalPath: final, reason: "No such file or directory")) {
                try writer.commit(to: final)
            }
            #expect(try directory.listing() == [])
        }
    }

    @Test("compression levels outside 0...9 are refused before any file is created", arguments: [-1, 10, 100])
    func invalidCompressionLevel(level: Int) throws {
        try withTemporaryDirectory { directory throws in
            #expect(throws: ArchiveError.invalidCompressionLevel(level)) {
                _ = try ArchiveWriter(
                    format: .tarGzip, temporaryPath: directory.file("x.partial"),
                    options: ArchiveOptions(modificationTime: 0, compressionLevel: level))
            }
            #expect(try directory.listing() == [])
        }
    }

    @Test("a source file that changes size while it is copied is refused")
    func sourceGrowingPastItsSize() throws {
        // /proc files report size 0 but have content: the copy would silently grow the entry.
        try #require(FileManager.default.fileExists(atPath: "/proc/self/status"))
        try withTemporaryDirectory { directory in
            let temporary = directory.file("release.partial")
            let writer = try ArchiveWriter(format: .tarGzip, temporaryPath: temporary, options: Self.options)
            #expect(throws: ArchiveError.sourceChanged(archive: temporary, entry: "status", source: "/proc/self/status")) {
                try writer.addFile("status", copying: "/proc/self/status")
            }
            #expect(try directory.listing() == [])
        }
    }
}
