import Foundation
import StandoffBuild
import StandoffTestSupport
import Testing

/// The source commit as `--source-commit` reads it and as git reports a checkout: clean, dirty
/// (tracked or new files changed) or unknown.
@Suite("Source commit")
struct SourceCommitTests {
    static let sha1 = String(repeating: "0123456789", count: 4)
    static let sha256 = String(repeating: "abcdef01", count: 8)

    @Test(arguments: [
        (sha1, sha1, false),
        (sha1 + "-dirty", sha1, true),
        (sha256, sha256, false),
        ("unknown", nil, false),
    ] as [(String, String?, Bool)])
    func readsWhatItWrites(_ text: String, id: String?, dirty: Bool) throws {
        let commit = try SourceCommit(text)
        #expect(commit.id == id)
        #expect(commit.dirty == dirty)
        #expect(commit.description == text)
        #expect(commit.isReproducible == (id != nil && !dirty))
    }

    @Test(arguments: ["", "HEAD", "0123abc", String(repeating: "abcdef0123", count: 4).uppercased(), sha1 + "-DIRTY", sha1 + " ", "unknown-dirty"])
    func refusesWhatIsNoFullCommitId(_ text: String) {
        #expect(throws: BuildError.self) { try SourceCommit(text) }
    }

    /// Runs git in `folder` with a fixed identity and no user or system configuration.
    static func git(_ arguments: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
                             "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"] {
            environment[key] = value
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    static let gitIsInstalled = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: gitIsInstalled, "git is not installed"))
    func detectsACleanADirtyAndNoCheckout() throws {
        let folder = try TemporaryFolder()
        #expect(SourceCommit.detect(in: folder.path) == .unknown, "not a checkout yet")
        try Self.git(["init", "-q"], in: folder.path)
        try folder.write("annotations/dataset.json", Array("{}\n".utf8))
        try folder.write(".gitignore", Array("build/\n".utf8))
        try Self.git(["add", "."], in: folder.path)
        try Self.git(["commit", "-q", "-m", "first"], in: folder.path)
        let clean = SourceCommit.detect(in: folder.path + "/annotations")
        #expect(clean.id?.count == 40)
        #expect(!clean.dirty)
        // What the build writes is ignored: the tree stays clean.
        try folder.write("build/out.txt", Array("x".utf8))
        #expect(SourceCommit.detect(in: folder.path + "/annotations") == clean)
        // A new file is a change.
        try folder.write("annotations/new.txt", Array("x".utf8))
        #expect(SourceCommit.detect(in: folder.path + "/annotations") == SourceCommit(id: clean.id, dirty: true))
        try FileManager.default.removeItem(atPath: folder.path + "/annotations/new.txt")
        // So is an edit to a tracked file.
        try folder.write("annotations/dataset.json", Array("{\"edited\": true}\n".utf8))
        #expect(SourceCommit.detect(in: folder.path + "/annotations").description == clean.description + "-dirty")
    }
}
