import Foundation

/// The commit a release is built from, as the dataset card, `datapackage.json` and `CITATION.cff`
/// record it: a git commit id, marked `-dirty` when files in the checkout differed from it, or
/// `unknown` for a build outside a git checkout.
///
/// It is found at the edge (``detect(in:)`` asks git, or `--source-commit` says it) and handed to
/// the build in ``BuildOptions``, which only writes it, so a build's output stays a function of
/// what it is given.
///
/// ```
/// "3f1c…e2"        → a clean checkout of that commit: `git checkout 3f1c…e2 && make dataset` rebuilds it
/// "3f1c…e2-dirty"  → built from uncommitted changes on top of it: no commit rebuilds it exactly
/// "unknown"        → not built from a git checkout
/// ```
public struct SourceCommit: Sendable, Equatable, CustomStringConvertible {
    /// The commit id, lowercase hex; `nil` when unknown.
    public let id: String?
    /// Whether tracked or new (not ignored) files differed from the commit when the build started.
    public let dirty: Bool

    /// No commit is known.
    public static let unknown = SourceCommit(id: nil, dirty: false)
    /// What marks a build from uncommitted changes.
    public static let dirtySuffix = "-dirty"

    /// A known commit, or `unknown` when `id` is `nil`.
    public init(id: String?, dirty: Bool) {
        self.id = id
        self.dirty = id != nil && dirty
    }

    /// Reads `<commit id>`, `<commit id>-dirty` or `unknown`, as ``description`` writes them.
    public init(_ text: String) throws {
        if text == "unknown" {
            self = .unknown
            return
        }
        let dirty = text.hasSuffix(Self.dirtySuffix)
        let id = dirty ? String(text.dropLast(Self.dirtySuffix.count)) : text
        // SHA-1 and SHA-256 repositories; a short id could name another commit later.
        guard [40, 64].contains(id.count), id.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else {
            throw BuildError.invalidOption(name: "--source-commit",
                                           reason: "must be a full commit id (what 'git rev-parse HEAD' prints), optionally followed by '-dirty', or 'unknown'; not '\(text)'")
        }
        self.init(id: id, dirty: dirty)
    }

    /// `<id>`, `<id>-dirty` or `unknown`.
    public var description: String {
        guard let id else { return "unknown" }
        return dirty ? id + Self.dirtySuffix : id
    }

    /// Whether checking out the commit and building again gives this release: known and clean.
    public var isReproducible: Bool { id != nil && !dirty }

    /// The commit checked out where `folder` lies, dirty when `git status` lists any change
    /// (ignored files such as `build/` aside); `unknown` when git is missing or `folder` is not in
    /// a checkout.
    public static func detect(in folder: String) -> SourceCommit {
        guard let head = git(["rev-parse", "--verify", "HEAD"], in: folder),
              let commit = try? SourceCommit(head.trimmingCharacters(in: .whitespacesAndNewlines)),
              let status = git(["status", "--porcelain", "--untracked-files=normal"], in: folder) else { return .unknown }
        return SourceCommit(id: commit.id, dirty: !status.isEmpty)
    }

    /// What `git -C folder <arguments>` prints, or `nil` when it cannot run or fails.
    private static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
