import Foundation
import StandoffBuild
import StandoffTestSupport
import Testing

/// The dataset card's release notes: the changes since a previous release, when one is given.
@Suite("Release notes")
struct ReleaseNotesTests {
    static func card(_ release: String) throws -> String {
        try String(contentsOfFile: release + "/README.md", encoding: .utf8)
    }

    static func fingerprint(_ release: String) throws -> String? {
        try ReleaseReader.load(release).fingerprint
    }

    @Test func theCardSummarisesTheChangesSinceThePreviousRelease() throws {
        let folder = try TemporaryFolder()
        let before = try ReleaseReaderTests.build(in: folder, name: "before")
        let drop = ReleaseReaderTests.dropping("geneva", from: "gazetteer.jsonl")
        let plain = try ReleaseReaderTests.build(in: folder, name: "plain", edit: drop)
        let noted = try ReleaseReaderTests.build(in: folder, name: "noted", previous: before.archives[1], edit: drop)

        let card = try Self.card(noted.release)
        let changes = try #require(card.range(of: "## Changes\n")).upperBound
        let citation = try #require(card.range(of: "## Citation")).lowerBound
        let notes = String(card[changes..<citation])
        #expect(notes.contains("### Dataset changes: `japan-dprk-summit-commentary-0.1.0` (sha256:"))
        #expect(notes.contains("| mentions | 5 | 4 | −1 |"))
        #expect(notes.contains("#### Mentions"))
        #expect(notes.contains("- removed **Geneva** GPE `geneva` (rule `geneva`)"))
        #expect(notes.contains("| `geneva` | 1 |"))
        #expect(!(try Self.card(plain.release)).contains("Dataset changes"))
        // The notes are in README.md only: the data, and so the fingerprint, are the same.
        #expect(try Self.fingerprint(noted.release) == Self.fingerprint(plain.release))
    }

    @Test func thePreviousReleaseMayBeTheArchiveThisBuildReplaces() throws {
        let folder = try TemporaryFolder()
        let shared = folder.path + "/build"
        let first = try ReleaseReaderTests.build(in: folder, name: "first", buildFolder: shared)
        let second = try ReleaseReaderTests.build(in: folder, name: "second", buildFolder: shared, previous: first.archives[0],
                                                  edit: ReleaseReaderTests.dropping("share-prompt", from: "boilerplate.jsonl"))
        #expect(second.archives == first.archives, "the same paths, replaced")
        let card = try Self.card(second.release)
        #expect(card.contains("- `010_wrapped_crlf` line 22 removed as `after-body`, was `share-prompt`: “Share this article”"))
        // The archive was replaced with the new data.
        let tables = try ReleaseReader.load(second.archives[0])
        #expect(tables.rows("removed").contains { $0.string("reason") == "after-body" && $0.integer("line") == 22 })
    }

    @Test func anUnchangedRunIsRebuiltWhenAPreviousReleaseIsGiven() throws {
        let folder = try TemporaryFolder()
        let first = try ReleaseReaderTests.build(in: folder, name: "first")
        let raw = ReleaseReaderTests.fixtureRaw
        var options = BuildOptions(rawFolder: raw, annotationsFolder: folder.path + "/first/annotations", buildFolder: folder.path + "/first/build")
        #expect(try DatasetBuild(options: options).run(reuse: true).upToDate != nil, "nothing changed since the build")
        // The card would change, so the run is not up to date; comparing a release with itself shows no change.
        options.previousRelease = first.archives[0]
        #expect(try DatasetBuild(options: options).run(reuse: true).upToDate == nil)
        #expect(try Self.card(first.release).contains("No row of any table differs."))
        // Once the previous archive is replaced, its bytes differ, so the next run is not up to date either…
        #expect(try DatasetBuild(options: options).run(reuse: true).upToDate == nil)
        // …and from then on, with the same archive again, it is.
        #expect(try DatasetBuild(options: options).run(reuse: true).upToDate != nil)
    }

    @Test func aMissingPreviousReleaseFailsBeforeAnythingIsWritten() throws {
        let folder = try TemporaryFolder()
        do {
            _ = try ReleaseReaderTests.build(in: folder, name: "x", previous: folder.path + "/missing.tar.gz")
            Issue.record("built with a missing previous release")
        } catch let error as BuildError {
            #expect(error.description.contains(folder.path + "/missing.tar.gz: no such file or folder"))
        }
        #expect(!folder.exists("x/build/dist"))
        #expect(!folder.exists("x/build/release"))
    }
}
