import Foundation
import StandoffTestSupport
import Testing
@testable import StandoffBuild

/// Listing the raw folder: sorted entries with ids from file names, and an error when two files
/// in different subfolders would give one id.
@Suite("Raw corpus")
struct RawCorpusTests {
    @Test(arguments: [
        (["b.txt", "a.txt", "notes.md"], nil as String?),
        (["x/a.txt", "y/b.txt", "c.txt"], nil),
        (["x/a.txt", "y/a.txt"], "a"),
        (["a.txt", "x/a.txt"], "a"),
        (["😀/k.txt", "k.txt", "z/k.txt"], "k"),
    ])
    func idsAreFileStemsAndMustDiffer(_ files: [String], clash: String?) throws {
        let folder = try TemporaryFolder()
        for file in files { try folder.write("raw/" + file, Array("Text.\n".utf8)) }
        do {
            let corpus = try RawCorpus(folder: folder.path + "/raw")
            #expect(clash == nil)
            let texts = files.filter { $0.hasSuffix(".txt") }
            #expect(corpus.entries.map(\.sourceFile) == texts.sorted().map { "raw/" + $0 })
            #expect(corpus.entries.map(\.id) == texts.sorted().map { String($0.split(separator: "/").last!.dropLast(4)) })
        } catch let error as BuildError {
            let clash = try #require(clash, "unexpected error: \(error)")
            guard case let .duplicateID(id, first, second) = error else { Issue.record("\(error)"); return }
            #expect(id == clash)
            #expect(first != second)
            #expect(error.description.contains("document id '\(clash)' is already used by"))
        }
    }

    /// Two names in one folder that differ in bytes but not as Swift strings (NFC and NFD
    /// spellings of "café") would give one id; the listing refuses them.
    @Test func namesEqualAsStringsInOneFolderClash() throws {
        let folder = try TemporaryFolder()
        try folder.write("raw/a.txt", Array("Text.\n".utf8))
        for name in ["caf\u{E9}.txt", "cafe\u{301}.txt"] {
            // Written with open(2), so no layer normalises the name.
            let descriptor = open(folder.path + "/raw/" + name, O_WRONLY | O_CREAT, 0o644)
            try #require(descriptor >= 0)
            close(descriptor)
        }
        try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/raw").count == 3)
        #expect(throws: BuildError.self) { _ = try RawCorpus(folder: folder.path + "/raw") }
    }
}
