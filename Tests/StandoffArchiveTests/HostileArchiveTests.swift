import CLibArchive
import Foundation
import StandoffArchive
import StandoffTestSupport
import Testing

@Suite("Hostile archives")
struct HostileArchiveTests {
    /// Small caps so that the tests trip them with little data.
    static let smallLimits = ArchiveLimits(maxArchiveBytes: 1 << 20, maxEntries: 5, maxEntryBytes: 1_000_000, maxTotalBytes: 3_000_000)

    struct HostileCase: Sendable, CustomTestStringConvertible {
        var label: String
        var format: CraftedFormat
        var entries: [CraftedEntry]
        /// The error, given the name the archive is read under.
        var expected: @Sendable (String) -> ArchiveError
        var testDescription: String { label }
    }

    static let cases: [HostileCase] = [
        HostileCase(label: "tar.gz with ../", format: .tarGzip, entries: [.file("../standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "../standoff-evil.txt", problem: .parentDirectory)
        },
        HostileCase(label: "zip with ../", format: .zip, entries: [.file("../standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "../standoff-evil.txt", problem: .parentDirectory)
        },
        HostileCase(label: "tar.gz with a nested ..", format: .tarGzip,
                    entries: [.directory("data"), .file("data/../../standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "data/../../standoff-evil.txt", problem: .parentDirectory)
        },
        HostileCase(label: "tar.gz with an absolute path", format: .tarGzip, entries: [.file("/etc/standoff-evil", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "/etc/standoff-evil", problem: .absolute)
        },
        HostileCase(label: "zip with an absolute path", format: .zip, entries: [.file("/etc/standoff-evil", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "/etc/standoff-evil", problem: .absolute)
        },
        HostileCase(label: "tar.gz with a backslash path", format: .tarGzip, entries: [.file("..\\standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "..\\standoff-evil.txt", problem: .backslash)
        },
        // libarchive's zip reader turns backslashes into slashes, so this arrives as "../".
        HostileCase(label: "zip with a Windows-style ..\\ path", format: .zip, entries: [.file("..\\standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "../standoff-evil.txt", problem: .parentDirectory)
        },
        HostileCase(label: "tar.gz with a symbolic link", format: .tarGzip,
                    entries: [.file("a.txt", [1]), .symbolicLink("link", target: "/etc/passwd")]) {
            .unsupportedEntryType(archive: $0, entry: "link", kind: .symbolicLink(target: "/etc/passwd"))
        },
        HostileCase(label: "zip with a symbolic link", format: .zip, entries: [.symbolicLink("link", target: "../../etc")]) {
            .unsupportedEntryType(archive: $0, entry: "link", kind: .symbolicLink(target: "../../etc"))
        },
        HostileCase(label: "tar.gz with a hard link", format: .tarGzip,
                    entries: [.file("a.txt", [1]), .hardLink("hard", target: "/etc/passwd")]) {
            .unsupportedEntryType(archive: $0, entry: "hard", kind: .hardLink(target: "/etc/passwd"))
        },
        HostileCase(label: "tar.gz with a FIFO", format: .tarGzip, entries: [.node("pipe", type: standoff_ae_ififo)]) {
            .unsupportedEntryType(archive: $0, entry: "pipe", kind: .fifo)
        },
        HostileCase(label: "tar.gz with a character device", format: .tarGzip, entries: [.node("null", type: standoff_ae_ifchr)]) {
            .unsupportedEntryType(archive: $0, entry: "null", kind: .characterDevice)
        },
        HostileCase(label: "tar.gz with a block device", format: .tarGzip, entries: [.node("disk", type: standoff_ae_ifblk)]) {
            .unsupportedEntryType(archive: $0, entry: "disk", kind: .blockDevice)
        },
        HostileCase(label: "tar.gz with too many entries", format: .tarGzip,
                    entries: (1...6).map { .file("f\($0).txt", [UInt8($0)]) }) {
            .tooManyEntries(archive: $0, limit: 5)
        },
        HostileCase(label: "zip with too many entries", format: .zip, entries: (1...6).map { .directory("d\($0)") }) {
            .tooManyEntries(archive: $0, limit: 5)
        },
        HostileCase(label: "tar.gz bomb", format: .tarGzip, entries: [.zeros("bomb.bin", count: 50_000_000)]) {
            .entryTooLarge(archive: $0, entry: "bomb.bin", limit: 1_000_000)
        },
        HostileCase(label: "zip bomb", format: .zip, entries: [.zeros("bomb.bin", count: 50_000_000)]) {
            .entryTooLarge(archive: $0, entry: "bomb.bin", limit: 1_000_000)
        },
        HostileCase(label: "tar.gz over the total cap", format: .tarGzip,
                    entries: (1...4).map { .zeros("part-\($0).bin", count: 900_000) }) {
            .totalTooLarge(archive: $0, entry: "part-4.bin", limit: 3_000_000)
        },
        HostileCase(label: "zip over the total cap", format: .zip, entries: (1...4).map { .zeros("part-\($0).bin", count: 900_000) }) {
            .totalTooLarge(archive: $0, entry: "part-4.bin", limit: 3_000_000)
        },
    ]

    @Test("each hostile archive is refused with the right error and nothing is written", arguments: cases)
    func refused(hostile: HostileCase) throws {
        let bytes = try CraftedArchive.make(hostile.format, hostile.entries)
        try withTemporaryDirectory { directory in
            let path = directory.file("hostile.archive")
            try writeBytes(bytes, to: path)
            let before = try directory.listing()
            let cwd = FileManager.default.currentDirectoryPath

            #expect(throws: hostile.expected(path)) { try ArchiveReader.read(path: path, limits: Self.smallLimits) }
            #expect(throws: hostile.expected("in-memory")) {
                try ArchiveReader.read(bytes, name: "in-memory", limits: Self.smallLimits)
            }

            // Reading only inflates into memory: no file appears anywhere an entry names.
            #expect(try directory.listing() == before)
            for name in ["standoff-evil.txt", "../standoff-evil.txt", "link", "hard", "pipe", "null", "disk", "bomb.bin"] {
                #expect(!FileManager.default.fileExists(atPath: directory.file(name)))
                #expect(!FileManager.default.fileExists(atPath: cwd + "/" + name))
            }
            #expect(!FileManager.default.fileExists(atPath: "/etc/standoff-evil"))
        }
    }

    @Test("the bomb really is one: tiny on disk, huge inflated", arguments: [CraftedFormat.tarGzip, .zip])
    func bombRatio(format: CraftedFormat) throws {
        let bytes = try CraftedArchive.make(format, [.zeros("bomb.bin", count: 50_000_000)])
        #expect(bytes.count < 200_000)
        // With room for it, the same archive reads back in full, so the cap is what stops it.
        let roomy = ArchiveLimits(maxArchiveBytes: 1 << 20, maxEntries: 5, maxEntryBytes: 50_000_000, maxTotalBytes: 50_000_000)
        let members = try ArchiveReader.read(bytes, name: "bomb", limits: roomy)
        #expect(members.count == 1)
        #expect(members.first?.contents.count == 50_000_000)
    }

    @Test("limits are inclusive: exactly at each cap is accepted", arguments: [CraftedFormat.tarGzip, .zip])
    func exactlyAtLimits(format: CraftedFormat) throws {
        let entries: [CraftedEntry] = (1...3).map { .zeros("part-\($0).bin", count: 1_000_000) } + [.directory("d1"), .directory("d2")]
        let bytes = try CraftedArchive.make(format, entries)
        let members = try ArchiveReader.read(bytes, name: "edge", limits: Self.smallLimits)
        #expect(members.map(\.path) == ["part-1.bin", "part-2.bin", "part-3.bin", "d1", "d2"])
        #expect(members.map(\.contents.count) == [1_000_000, 1_000_000, 1_000_000, 0, 0])
    }

    @Test("an archive file above maxArchiveBytes is refused before it is parsed")
    func archiveTooLarge() throws {
        let bytes = try CraftedArchive.make(.tarGzip, [.file("a.txt", pseudoRandomBytes(count: 10_000, seed: 1))])
        let limits = ArchiveLimits(maxArchiveBytes: 1000, maxEntries: 5, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20)
        #expect(throws: ArchiveError.archiveTooLarge(archive: "big", bytes: Int64(bytes.count), limit: 1000)) {
            try ArchiveReader.read(bytes, name: "big", limits: limits)
        }
        try withTemporaryDirectory { directory in
            let path = directory.file("big.tar.gz")
            try writeBytes(bytes, to: path)
            #expect(throws: ArchiveError.archiveTooLarge(archive: path, bytes: Int64(bytes.count), limit: 1000)) {
                try ArchiveReader.read(path: path, limits: limits)
            }
        }
    }

    @Test("formats other than tar and zip are refused", arguments: [CraftedFormat.cpio, .sevenZip, .tarBzip2, .tarXz])
    func otherFormats(format: CraftedFormat) throws {
        let bytes = try CraftedArchive.make(format, [.file("a.txt", Array("hello".utf8))])
        let error = #expect(throws: ArchiveError.self) { try ArchiveReader.read(bytes, name: "other") }
        guard case .unreadableArchive(archive: "other", entry: nil, _) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
    }

    @Test("an uncompressed tar is read (libarchive always handles unfiltered input)")
    func plainTar() throws {
        let bytes = try CraftedArchive.make(.tar, [.file("a.txt", Array("hello".utf8))])
        #expect(try ArchiveReader.read(bytes, name: "plain") == [ArchiveMember(path: "a.txt", isDirectory: false, contents: Array("hello".utf8))])
    }

    @Test("garbage, empty and truncated input is refused")
    func damagedInput() throws {
        let garbage = pseudoRandomBytes(count: 5000, seed: 9)
        #expect(throws: ArchiveError.self) { try ArchiveReader.read(garbage, name: "garbage") }
        #expect(throws: ArchiveError.unreadableArchive(archive: "empty", entry: nil, message: "the file is empty")) {
            try ArchiveReader.read([], name: "empty")
        }
        for format in [CraftedFormat.tarGzip, .zip] {
            let whole = try CraftedArchive.make(format, [.file("a.bin", pseudoRandomBytes(count: 200_000, seed: 3))])
            let truncated = Array(whole[0..<(whole.count / 2)])
            let error = #expect(throws: ArchiveError.self) { try ArchiveReader.read(truncated, name: "truncated") }
            guard case .unreadableArchive(archive: "truncated", _, _) = error else {
                Issue.record("unexpected error \(String(describing: error))")
                continue
            }
        }
    }

    @Test("a missing archive file is reported with its path")
    func missingArchive() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("missing.tar.gz")
            #expect(throws: ArchiveError.cannotReadArchive(path: path, reason: "No such file or directory")) {
                try ArchiveReader.read(path: path)
            }
        }
    }

    @Test("error messages name the archive and the entry")
    func messagesNameArchiveAndEntry() {
        let messages = [
            ArchiveError.unsafeEntryPath(archive: "r.zip", entry: "../x", problem: .parentDirectory).description,
            ArchiveError.unsupportedEntryType(archive: "r.zip", entry: "../x", kind: .symbolicLink(target: "/etc")).description,
            ArchiveError.entryTooLarge(archive: "r.zip", entry: "../x", limit: 5).description,
            ArchiveError.totalTooLarge(archive: "r.zip", entry: "../x", limit: 5).description,
        ]
        for message in messages {
            #expect(message.contains("r.zip") && message.contains("'../x'"), "\(message)")
        }
        #expect(ArchiveError.tooManyEntries(archive: "r.zip", limit: 5).description.contains("maxEntries"))
    }

    @Test("default limits match the documented values")
    func defaultLimits() {
        #expect(ArchiveLimits.default.maxEntries == 100_000)
        #expect(ArchiveLimits.default.maxEntryBytes == 100_000_000)
        #expect(ArchiveLimits.default.maxTotalBytes == 1 << 30)
        #expect(ArchiveLimits.default.maxArchiveBytes == 1 << 30)
    }
}
