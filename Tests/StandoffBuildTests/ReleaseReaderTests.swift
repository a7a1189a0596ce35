import CLibArchive
import Crypto
import Foundation
import StandoffArchive
import StandoffBuild
@testable import StandoffCore
import StandoffTestSupport
import Testing

@Suite("Release reader and diff")
struct ReleaseReaderTests {
    typealias D = DatasetDiff
    static let fixtureRaw = Repository.path("Tests/StandoffBuildTests/Fixtures/mixed-outlets/raw")

    /// Builds the fixture corpus with a copy of the project's rules, `edit`ed (rule file name →
    /// its text → the new text), into `<folder>/<name>/build` (or `buildFolder`), and returns the
    /// release folder and the two archives.
    static func build(in folder: TemporaryFolder, name: String, buildFolder: String? = nil, previous: String? = nil,
                      edit: (String, String) -> String = { $1 }) throws -> (release: String, archives: [String]) {
        let annotations = folder.path + "/" + name + "/annotations"
        try folder.write(name + "/annotations/dataset.json", try folder.readProject("annotations/dataset.json"))
        for file in RuleSet.FileName.all {
            let text = try Repository.text("annotations/rules/" + file)
            try folder.write(name + "/annotations/rules/" + file, Array(edit(file, text).utf8))
        }
        let options = BuildOptions(rawFolder: fixtureRaw, annotationsFolder: annotations, buildFolder: buildFolder ?? folder.path + "/" + name + "/build",
                                   previousRelease: previous)
        let result = try DatasetBuild(options: options).run()
        return (try #require(FileManager.default.contentsOfDirectory(atPath: options.releaseParent).first.map { options.releaseParent + "/" + $0 }),
                result.archives)
    }

    /// An edit that deletes the line of `file` whose rule id is `id`, and checks there was one.
    static func dropping(_ id: String, from file: String) -> @Sendable (String, String) -> String {
        { name, text in
            guard name == file else { return text }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let kept = lines.filter { !$0.hasPrefix("{\"id\": \"\(id)\"") }
            precondition(kept.count == lines.count - 1, "\(file) has no rule '\(id)'")
            return kept.joined(separator: "\n")
        }
    }

    struct RuleEdit: Sendable, CustomTestStringConvertible {
        var label: String
        var edit: @Sendable (String, String) -> String
        var check: @Sendable (DatasetDiff) throws -> Void
        var markdown: [String]
        var testDescription: String { label }
    }

    static let edits: [RuleEdit] = [
        RuleEdit(label: "a gazetteer line removed", edit: dropping("geneva", from: "gazetteer.jsonl"), check: { diff in
            #expect(diff.mentionChanges == [D.MentionChange(
                kind: .removed, docID: "011_bom_nbsp",
                sentence: D.SentenceRef(id: "011_bom_nbsp-s0000", text: "Officials from both countries met in Geneva on Tuesday."),
                old: D.MentionRef(text: "Geneva", type: "GPE", entityID: "geneva", rule: "geneva", start: 37, end: 43), new: nil)])
            #expect(diff.sentenceChanges.isEmpty && diff.sentencesShifted == 0 && diff.stanceChanges.isEmpty && diff.lineChanges.isEmpty)
            #expect(diff.documentsChanged == [D.DocumentChange(id: "011_bom_nbsp", columns: [], sentences: 0, mentions: 1, stances: 0, lines: 0)])
            #expect(diff.ruleEffects == [D.RuleEffect(rule: "geneva", counts: [.mentionsRemoved: 1])])
            #expect(diff.old.rowCounts["mentions"] == 5 && diff.new.rowCounts["mentions"] == 4)
        }, markdown: [
            "| mentions | 5 | 4 | −1 |",
            "1 document changed; 1 mention change (1 removed).",
            "- removed **Geneva** GPE `geneva` (rule `geneva`) in `011_bom_nbsp-s0000` “Officials from both countries met in **Geneva** on Tuesday.”",
            "| `geneva` | 1 |",
        ]),
        RuleEdit(label: "a boilerplate rule removed, its line caught by a layout rule", edit: dropping("share-prompt", from: "boilerplate.jsonl"), check: { diff in
            #expect(diff.lineChanges == [D.LineChange(kind: .reason, docID: "010_wrapped_crlf", line: 22, text: "Share this article",
                                                      oldReason: "share-prompt", newReason: "after-body")])
            #expect(diff.mentionChanges.isEmpty && diff.sentenceChanges.isEmpty && diff.stanceChanges.isEmpty)
            #expect(diff.documentsChanged.map(\.id) == ["010_wrapped_crlf"])
            #expect(diff.ruleEffects.map(\.rule) == ["after-body", "share-prompt"])
        }, markdown: ["- `010_wrapped_crlf` line 22 removed as `after-body`, was `share-prompt`: “Share this article”"]),
        RuleEdit(label: "a boilerplate rule removed, the layout removes its line instead", edit: dropping("author-bio", from: "boilerplate.jsonl"), check: { diff in
            // The bio under a related-stories teaser is not article text either way; only the
            // reason and the author it gave change.
            let bio = "Lin Chen is a research fellow at the Example Center for Asian Studies."
            #expect(diff.sentenceChanges.isEmpty && diff.mentionChanges.isEmpty)
            #expect(diff.lineChanges == [D.LineChange(kind: .reason, docID: "011_bom_nbsp", line: 9, text: bio, oldReason: "author-bio", newReason: "after-body")])
            #expect(diff.documentsChanged.first?.columns == ["authors"])
            #expect(diff.old.rowCounts["sentences"] == diff.new.rowCounts["sentences"])
        }, markdown: ["- `011_bom_nbsp` line 9 removed as `after-body`, was `author-bio`: “Lin Chen is a research fellow at the Example Center for Asian Studies.”"]),
    ]

    @Test("a rule change shows exactly its effect, from archives and folders alike", arguments: edits)
    func ruleChange(_ example: RuleEdit) throws {
        let folder = try TemporaryFolder()
        let before = try Self.build(in: folder, name: "before")
        let after = try Self.build(in: folder, name: "after", edit: example.edit)
        let diff = try ReleaseReader.diff(old: before.archives[0], new: after.archives[1])
        #expect(diff.hasChanges)
        try example.check(diff)
        let markdown = diff.markdown()
        for expected in example.markdown { #expect(markdown.contains(expected), "\(markdown)") }
        // The same comparison from the zip and the unpacked folder, or the other way round.
        #expect(try ReleaseReader.diff(old: before.archives[1], new: after.release) == diff)
        #expect(try ReleaseReader.diff(old: before.release, new: after.archives[0]) == diff)
    }

    @Test func aReleaseComparedWithItselfHasNoChanges() throws {
        let folder = try TemporaryFolder()
        let release = try Self.build(in: folder, name: "one")
        let diff = try ReleaseReader.diff(old: release.archives[0], new: release.archives[1])
        #expect(!diff.hasChanges)
        let tables = try ReleaseReader.load(release.archives[0])
        #expect(tables.label == "japan-dprk-summit-commentary-0.1.0")
        #expect(tables.fingerprint?.count == 64)
        #expect(tables.rows("sentences").count == 9 && tables.rows("removed").count == 19)
        // The folder holding the release folder is accepted too.
        #expect(try ReleaseReader.load(folder.path + "/one/build/release") == tables)
    }

    /// A release whose listed table is missing or edited, or whose list was edited, is refused
    /// naming the table, from a folder and from an archive made of it alike.
    @Test(arguments: [
        ("a listed table removed", "data/stances.jsonl", "listed by the release but missing"),
        ("a table edited", "data/mentions.jsonl", "does not have the SHA-256 the release lists"),
        ("the list of files edited", "datapackage.json", "do not give the recorded fingerprint"),
    ])
    func aDamagedReleaseIsRefused(_ label: String, _ file: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        let release = try Self.build(in: folder, name: "one").release
        let path = release + "/" + file
        switch label {
        case "a listed table removed":
            try FileManager.default.removeItem(atPath: path)
        case "a table edited":
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: "\"GPE\"", with: "\"ORG\"")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        default:
            var text = try String(contentsOfFile: path, encoding: .utf8)
            // The hash of a CSV table (never read by a diff) in the list under "standoff" → "files".
            let list = try #require(text.range(of: "\"files\""))
            let entry = try #require(text.range(of: "\"data/documents.csv\"", range: list.upperBound..<text.endIndex))
            let hash = try #require(text.range(of: #"[0-9a-f]{64}"#, options: .regularExpression, range: entry.upperBound..<text.endIndex))
            text.replaceSubrange(hash, with: String(repeating: "1", count: 64))
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        do {
            _ = try ReleaseReader.load(release)
            Issue.record("\(label): the damaged release was read")
        } catch let error as BuildError {
            #expect(error.description.contains(message), "\(error)")
        }
    }

    // MARK: - Hostile and unreadable inputs

    // Room for a real release of the fixture corpus (tables, card, the report's pages: 24 entries), not for a bomb.
    static let smallLimits = ArchiveLimits(maxArchiveBytes: 1 << 20, maxEntries: 40, maxEntryBytes: 1_000_000, maxTotalBytes: 3_000_000)
    static let top = "evil-1.0"

    /// A `SHA256SUMS` entry listing `tables` (with `hash`, or a hash that matches nothing), as a
    /// release lists its files: only listed tables are read.
    static func sums(_ tables: [String], hash: String = String(repeating: "0", count: 64)) -> CraftedEntry {
        .file(top + "/SHA256SUMS", Array(tables.map { "\(hash)  data/\($0).jsonl\n" }.joined().utf8))
    }

    static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    struct HostileCase: Sendable, CustomTestStringConvertible {
        var label: String
        var format: CraftedFormat
        var entries: [CraftedEntry]
        var expected: @Sendable (String) -> ArchiveError
        var testDescription: String { label }
    }

    static let hostile: [HostileCase] = [
        HostileCase(label: "tar.gz entry with ..", format: .tarGzip,
                    entries: [.directory(top), .file(top + "/data/../../../standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: top + "/data/../../../standoff-evil.txt", problem: .parentDirectory)
        },
        HostileCase(label: "zip entry with ..", format: .zip, entries: [.file("../standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "../standoff-evil.txt", problem: .parentDirectory)
        },
        HostileCase(label: "tar.gz entry with an absolute path", format: .tarGzip, entries: [.file("/tmp/standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "/tmp/standoff-evil.txt", problem: .absolute)
        },
        HostileCase(label: "zip entry with an absolute path", format: .zip, entries: [.file("/tmp/standoff-evil.txt", [1])]) {
            .unsafeEntryPath(archive: $0, entry: "/tmp/standoff-evil.txt", problem: .absolute)
        },
        HostileCase(label: "tar.gz table that is a symbolic link", format: .tarGzip,
                    entries: [.directory(top), .symbolicLink(top + "/data/documents.jsonl", target: "/etc/passwd")]) {
            .unsupportedEntryType(archive: $0, entry: top + "/data/documents.jsonl", kind: .symbolicLink(target: "/etc/passwd"))
        },
        HostileCase(label: "zip table that is a symbolic link", format: .zip, entries: [.symbolicLink(top + "/data/documents.jsonl", target: "../../etc")]) {
            .unsupportedEntryType(archive: $0, entry: top + "/data/documents.jsonl", kind: .symbolicLink(target: "../../etc"))
        },
        HostileCase(label: "tar.gz hard link", format: .tarGzip, entries: [.file(top + "/a", [1]), .hardLink(top + "/data/documents.jsonl", target: "/etc/passwd")]) {
            .unsupportedEntryType(archive: $0, entry: top + "/data/documents.jsonl", kind: .hardLink(target: "/etc/passwd"))
        },
        HostileCase(label: "tar.gz device", format: .tarGzip, entries: [.node(top + "/data/documents.jsonl", type: standoff_ae_ifchr)]) {
            .unsupportedEntryType(archive: $0, entry: top + "/data/documents.jsonl", kind: .characterDevice)
        },
        HostileCase(label: "tar.gz bomb as a table", format: .tarGzip, entries: [sums(["documents"]), .zeros(top + "/data/documents.jsonl", count: 50_000_000)]) {
            .entryTooLarge(archive: $0, entry: top + "/data/documents.jsonl", limit: 1_000_000)
        },
        HostileCase(label: "zip bomb as a table", format: .zip, entries: [sums(["documents"]), .zeros(top + "/data/documents.jsonl", count: 50_000_000)]) {
            .entryTooLarge(archive: $0, entry: top + "/data/documents.jsonl", limit: 1_000_000)
        },
        HostileCase(label: "tar.gz over the total cap", format: .tarGzip,
                    entries: [sums(["documents", "mentions", "sentences", "stances"])]
                        + ["documents", "mentions", "sentences", "stances"].map { .zeros(top + "/data/\($0).jsonl", count: 900_000) }) {
            .totalTooLarge(archive: $0, entry: top + "/data/stances.jsonl", limit: 3_000_000)
        },
        HostileCase(label: "zip whose unlisted entries are bombs: they are never inflated", format: .zip,
                    entries: [sums(["documents"]), .zeros(top + "/data/mentions.csv", count: 50_000_000), .zeros(top + "/data/documents.jsonl", count: 2_000_000)]) {
            .entryTooLarge(archive: $0, entry: top + "/data/documents.jsonl", limit: 1_000_000)
        },
    ]

    /// The archive error inside a diff's `BuildError`, or nil.
    static func archiveError(_ body: () throws -> Void) -> ArchiveError? {
        do {
            try body()
        } catch let BuildError.archive(error) {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test("a hostile archive on either side is refused, naming it, and nothing is written", arguments: hostile)
    func hostileArchive(_ example: HostileCase) throws {
        let folder = try TemporaryFolder()
        let good = try Self.build(in: folder, name: "good").archives[0]
        let path = folder.path + "/hostile.archive"
        try folder.write("hostile.archive", try CraftedArchive.make(example.format, example.entries))
        let before = try Self.listing(folder.path)
        let cwd = FileManager.default.currentDirectoryPath

        #expect(Self.archiveError { _ = try ReleaseReader.diff(old: path, new: good, limits: Self.smallLimits) } == example.expected(path))
        #expect(Self.archiveError { _ = try ReleaseReader.diff(old: good, new: path, limits: Self.smallLimits) } == example.expected(path))
        #expect(example.expected(path).description.contains(path))

        #expect(try Self.listing(folder.path) == before)
        for name in ["standoff-evil.txt", Self.top, "data", "documents.jsonl"] {
            #expect(!FileManager.default.fileExists(atPath: cwd + "/" + name))
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/standoff-evil.txt"))
    }

    @Test("the cap is what stops a bomb: with room for it, the same archive inflates in full", arguments: [CraftedFormat.tarGzip, .zip])
    func bombIsStoppedByTheCap(_ format: CraftedFormat) throws {
        let folder = try TemporaryFolder()
        let bytes = try CraftedArchive.make(format, [Self.sums(["documents"], hash: Self.sha256(Data(count: 50_000_000))),
                                                     .zeros(Self.top + "/data/documents.jsonl", count: 50_000_000)])
        #expect(bytes.count < 200_000, "small on disk")
        try folder.write("bomb.archive", bytes)
        let path = folder.path + "/bomb.archive"
        #expect(Self.archiveError { _ = try ReleaseReader.load(path, limits: Self.smallLimits) }
                == .entryTooLarge(archive: path, entry: Self.top + "/data/documents.jsonl", limit: 1_000_000))
        // With caps above its size it is read through and fails only on its content (NUL bytes are not JSON).
        let roomy = ArchiveLimits(maxArchiveBytes: 1 << 20, maxEntries: 20, maxEntryBytes: 60_000_000, maxTotalBytes: 60_000_000)
        do {
            _ = try ReleaseReader.load(path, limits: roomy)
            Issue.record("a file of zeros was read as a release")
        } catch let BuildError.unreadable(location, reason) {
            #expect(location == "\(path): \(Self.top)/data/documents.jsonl:1")
            #expect(reason.contains("not valid JSON"))
        }
    }

    struct UnreadableCase: Sendable, CustomTestStringConvertible {
        var label: String
        /// Creates the input inside the folder and returns its path.
        var make: @Sendable (TemporaryFolder) throws -> String
        var message: String
        var testDescription: String { label }
    }

    static let unreadable: [UnreadableCase] = [
        UnreadableCase(label: "missing path", make: { $0.path + "/nope.tar.gz" }, message: "no such file or folder"),
        UnreadableCase(label: "not an archive", make: { folder in
            try folder.write("notes.txt", Array("hello".utf8))
            return folder.path + "/notes.txt"
        }, message: "only .tar, .tar.gz and .zip archives are supported"),
        UnreadableCase(label: "an archive that is not a release", make: { folder in
            try folder.write("other.zip", try CraftedArchive.make(.zip, [.file("photos/a.jpg", [1, 2, 3])]))
            return folder.path + "/other.zip"
        }, message: "no datapackage.json or SHA256SUMS"),
        UnreadableCase(label: "a folder that is not a release", make: { folder in
            try folder.write("empty/readme.txt", [])
            return folder.path + "/empty"
        }, message: "no data/documents.jsonl here or in a folder below"),
        UnreadableCase(label: "a table that is not JSON Lines", make: { folder in
            let table = Array("{\"doc_id\":\"a\"}\ndoc_id,text\n".utf8)
            try folder.write("r-1/data/documents.jsonl", table)
            try folder.write("r-1/SHA256SUMS", Array("\(sha256(table))  data/documents.jsonl\n".utf8))
            return folder.path + "/r-1"
        }, message: "r-1: r-1/data/documents.jsonl:2: not valid JSON"),
        UnreadableCase(label: "a release folder that lists none of its files", make: { folder in
            try folder.write("r-1/data/documents.jsonl", Array("{\"doc_id\":\"a\"}\n".utf8))
            return folder.path + "/r-1"
        }, message: "lists none of its files"),
        UnreadableCase(label: "a table in a folder that is a link", make: { folder in
            try folder.write("elsewhere.jsonl", Array("{\"doc_id\":\"a\"}\n".utf8))
            try folder.write("r-1/data/sentences.jsonl", [])
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/r-1/data/documents.jsonl", withDestinationPath: folder.path + "/elsewhere.jsonl")
            return folder.path + "/r-1"
        }, message: "documents.jsonl: not a regular file (links are not followed)"),
    ]

    @Test("an unreadable input is an error naming its path", arguments: unreadable)
    func unreadableInput(_ example: UnreadableCase) throws {
        let folder = try TemporaryFolder()
        let path = try example.make(folder)
        do {
            _ = try ReleaseReader.load(path)
            Issue.record("read \(path)")
        } catch let error as BuildError {
            #expect(error.description.contains(path), "\(error)")
            #expect(error.description.contains(example.message), "\(error)")
        }
    }

    static func listing(_ path: String) throws -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
    }
}

extension TemporaryFolder {
    /// The bytes of a file of the project, given relative to its root.
    fileprivate func readProject(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path(relative))))
    }
}
