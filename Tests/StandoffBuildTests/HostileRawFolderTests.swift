import Foundation
import StandoffBuild
import StandoffTestSupport
import Testing

/// Raw folders as a hostile or careless user leaves them: every bad entry is reported by name
/// and reason in one run, nothing is read through a link, nothing hangs, no archive is written.
@Suite("Hostile raw folders")
struct HostileRawFolderTests {
    /// One bad entry: how to make it beside a good article, and the words its error must hold.
    struct BadEntry: Sendable, CustomTestStringConvertible {
        let name: String
        let make: @Sendable (_ raw: String, _ outside: String) -> Void
        let reason: String
        var testDescription: String { name }
    }

    static let article = Array("Leaders Meet\n\nThe two leaders met in the capital on Monday and agreed to hold further talks next month.\n".utf8)

    static let entries: [BadEntry] = [
        BadEntry(name: "a symbolic link to a file outside the raw folder", make: { raw, outside in
            _ = symlink(outside + "/secret.txt", raw + "/y.txt")
        }, reason: "symbolic link"),
        BadEntry(name: "a symbolic link to a file inside the raw folder", make: { raw, _ in
            _ = symlink(raw + "/a.txt", raw + "/y.txt")
        }, reason: "symbolic link"),
        BadEntry(name: "a symbolic link loop", make: { raw, _ in
            _ = symlink(raw + "/loop.txt", raw + "/loop.txt")
        }, reason: "symbolic link"),
        BadEntry(name: "a FIFO", make: { raw, _ in
            _ = mkfifo(raw + "/z.txt", 0o644)
        }, reason: "FIFO"),
        BadEntry(name: "a folder named like a raw file", make: { raw, _ in
            try? FileManager.default.createDirectory(atPath: raw + "/x.txt", withIntermediateDirectories: false)
        }, reason: "folder whose name ends in .txt"),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: entries)
    func aBadEntryIsReportedAndNothingIsPackaged(_ entry: BadEntry) throws {
        let raw = try TemporaryFolder()
        let outside = try TemporaryFolder()
        let build = try TemporaryFolder()
        try raw.write("a.txt", Self.article)
        try outside.write("secret.txt", Array("root:x:0:0:secret line of another file\n".utf8))
        entry.make(raw.path, outside.path)
        let options = BuildOptions(rawFolder: raw.path, annotationsFolder: Repository.path("annotations"), buildFolder: build.path)
        let error = #expect(throws: BuildError.self) { try DatasetBuild(options: options).run() }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains(entry.reason), "\(message)")
        #expect(!message.contains("root:x:0:0"))
        #expect(!build.exists("dist"), "no archive after a bad entry")
    }

    /// All bad entries of one folder are reported together, each by name, in one run.
    @Test(.timeLimit(.minutes(1)))
    func everyBadEntryIsReportedInOneRun() throws {
        let raw = try TemporaryFolder()
        let outside = try TemporaryFolder()
        let build = try TemporaryFolder()
        try raw.write("a.txt", Self.article)
        try outside.write("secret.txt", Array("root:x:0:0\n".utf8))
        for entry in Self.entries where entry.name != "a symbolic link to a file inside the raw folder" {
            entry.make(raw.path, outside.path)
        }
        let options = BuildOptions(rawFolder: raw.path, annotationsFolder: Repository.path("annotations"), buildFolder: build.path)
        let error = #expect(throws: BuildError.self) { try DatasetBuild(options: options).run() }
        let message = error.map { "\($0)" } ?? ""
        for name in ["y.txt", "loop.txt", "z.txt", "x.txt"] {
            #expect(message.contains("/" + name + ":"), "\(name) is named in: \(message)")
        }
        #expect(message.contains("4 error(s)"), "\(message)")
    }

    /// A raw folder given as a link to a folder is read; links inside it still are not.
    @Test func aRawFolderThatIsALinkIsRead() throws {
        let raw = try TemporaryFolder()
        let parent = try TemporaryFolder()
        try raw.write("a.txt", Self.article)
        try FileManager.default.createSymbolicLink(atPath: parent.path + "/raw", withDestinationPath: raw.path)
        let options = BuildOptions(rawFolder: parent.path + "/raw", annotationsFolder: Repository.path("annotations"), buildFolder: parent.path + "/build")
        #expect(try DatasetBuild(options: options).statistics().documents.count == 1)
    }

    @Test(arguments: [1, 5, 1000, 5000])
    func jobsBeyondTheDocumentsAreNotStarted(_ jobs: Int) throws {
        let raw = try TemporaryFolder()
        let build = try TemporaryFolder()
        try raw.write("a.txt", Self.article)
        try raw.write("b.txt", Self.article + Array("Another line of the article that closes it.\n".utf8))
        let options = BuildOptions(rawFolder: raw.path, annotationsFolder: Repository.path("annotations"), buildFolder: build.path, jobs: jobs)
        // 5000 compiled rule sets would take minutes and gigabytes; capped, this is instant.
        let summary = try DatasetBuild(options: options).statistics()
        #expect(summary.documents.count == 2)
    }

    @Test(arguments: [
        ("315532800", true), ("1700000000", true), ("4294967294", true),
        ("0", false), ("315532799", false), ("99999999999999", false), ("-5", false), ("1.5", false), ("soon", false),
    ])
    func sourceDateEpochMustFitBothArchives(_ value: String, _ accepted: Bool) {
        #expect(((try? BuildOptions.sourceDateEpoch(value)) != nil) == accepted, "\(value)")
    }

    /// A second writer of one build folder fails at once, naming the holder; the lock goes with its holder.
    @Test func aSecondRunOnOneBuildFolderFailsAtOnce() throws {
        let build = try TemporaryFolder()
        var first: BuildFolderLock? = try BuildFolderLock(folder: build.path)
        let error = #expect(throws: BuildError.self) { try BuildFolderLock(folder: build.path) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("pid \(getpid())"))
        first = nil
        #expect(first == nil)
        #expect(throws: Never.self) { try BuildFolderLock(folder: build.path) }
    }

    /// A copied build folder is rebuilt, not trusted: its stamp was made for the other folder's files.
    @Test func aCopiedBuildFolderIsNotUpToDate() throws {
        let raw = try TemporaryFolder()
        let parent = try TemporaryFolder()
        try raw.write("a.txt", Self.article)
        let original = parent.path + "/build"
        let copy = parent.path + "/copy"
        let options = BuildOptions(rawFolder: raw.path, annotationsFolder: Repository.path("annotations"), buildFolder: original)
        let built = try DatasetBuild(options: options).run(reuse: true)
        try FileManager.default.copyItem(atPath: original, toPath: copy)
        let archive = copy + "/dist/" + URL(fileURLWithPath: built.archives[0]).lastPathComponent
        try Data([0x1f, 0x8b]).write(to: URL(fileURLWithPath: archive))
        var copied = options
        copied.buildFolder = copy
        let again = try DatasetBuild(options: copied).run(reuse: true)
        #expect(again.upToDate == nil, "the truncated archive in the copy is rebuilt")
        #expect(try Data(contentsOf: URL(fileURLWithPath: archive)).count > 2)
    }

    /// When one archive cannot be written, neither new one replaces the previous pair.
    @Test func aFailedArchiveLeavesThePreviousPairWhole() throws {
        let raw = try TemporaryFolder()
        let build = try TemporaryFolder()
        try raw.write("a.txt", Self.article)
        let options = BuildOptions(rawFolder: raw.path, annotationsFolder: Repository.path("annotations"), buildFolder: build.path)
        let first = try DatasetBuild(options: options).run()
        let before = try first.archives.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        try raw.write("b.txt", Self.article + Array("A second article's closing line, long enough to be prose.\n".utf8))
        // The zip's temporary file cannot be created: a folder stands in its place.
        let zip = try #require(first.archives.first { $0.hasSuffix(".zip") })
        try FileManager.default.createDirectory(atPath: build.path + "/tmp/" + URL(fileURLWithPath: zip).lastPathComponent + ".partial",
                                                withIntermediateDirectories: true)
        #expect(throws: BuildError.self) { try DatasetBuild(options: options).run() }
        let after = try first.archives.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(after == before, "both archives are the first run's")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: build.path + "/tmp").filter { !$0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty, "no complete new archive is left behind: \(leftovers)")
    }
}

/// Building another corpus must not rewrite the committed snapshot of this one.
@Suite("Snapshot folder")
struct SnapshotFolderTests {
    @Test(arguments: [
        ("raw", "annotations", "build", "annotations/documents"),
        ("./raw/", "annotations", "build", "annotations/documents"),
        ("my-articles", "annotations", "build", "build/documents"),
        ("../other/raw", "annotations", "out", "out/documents"),
        ("project/raw", "project/annotations", "build", "project/annotations/documents"),
        ("raw", "project/annotations", "build", "build/documents"),
    ])
    func theCommittedSnapshotIsOnlyForTheProjectsOwnRawFolder(_ raw: String, _ annotations: String, _ build: String, _ expected: String) {
        #expect(BuildOptions.snapshotFolder(raw: raw, annotations: annotations, build: build) == expected)
    }
}
