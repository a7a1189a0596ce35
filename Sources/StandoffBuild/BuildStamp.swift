import Foundation
import StandoffCore

/// The record of the last complete `run`: a fingerprint of everything that decides its output
/// (the program, the options, the manifest, rules, corrections and every raw file's bytes) and
/// the SHA-256 of everything it wrote. When both still match, the outputs are what a rebuild
/// would write, byte for byte, so `run` can stop at once.
///
/// ```
/// run, run            → the second prints "up to date" and writes nothing
/// run, edit raw/x.txt → the fingerprint differs: a full rebuild
/// run, touch an archive by hand → an output hash differs: a full rebuild
/// ```
struct BuildStamp: Codable, Equatable {
    /// SHA-256 over the inputs, see ``DatasetBuild/inputFingerprint(release:)``.
    var inputs: String
    /// Output path → SHA-256 of its bytes: the archives, the release folder's `SHA256SUMS`, the
    /// validation report (whose warnings are shown again when nothing changed), the snapshot files.
    var outputs: [String: String]
    /// The one-line summary the run printed, shown again when nothing changed.
    var summary: String

    /// Whether every recorded output still has its recorded bytes and nothing else was added to the snapshot.
    func outputsIntact(snapshotFolder: String?) -> Bool {
        if let snapshotFolder {
            let current = Set(FileOutput.files(below: snapshotFolder).filter { $0.hasSuffix(".jsonl") }.map { snapshotFolder + "/" + $0 })
            let recorded = Set(outputs.keys.filter { $0.hasPrefix(snapshotFolder + "/") })
            guard current == recorded else { return false }
        }
        return outputs.allSatisfy { path, hash in (try? FileOutput.sha256(ofFile: path)) == hash }
    }

    /// Reads the stamp at `path`; `nil` when absent or unreadable (a rebuild is always safe).
    static func load(path: String) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(BuildStamp.self, from: data)
    }

    /// Writes the stamp as JSON with sorted keys.
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try FileOutput.write(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n", to: path)
    }

    /// SHA-256 of the running program, so a rebuilt `standoff` never trusts an older one's outputs;
    /// a random value where the program cannot be read, which makes every run a full one.
    static let programFingerprint: String = {
        (try? FileOutput.sha256(ofFile: "/proc/self/exe")) ?? UUID().uuidString
    }()

    /// The warnings of the validation report at `path`, rendered as the run printed them.
    static func warnings(inReport path: String) -> [String] {
        struct Report: Decodable {
            var warnings: [Entry]
            struct Entry: Decodable {
                var severity: String, stage: String, code: String, location: String, message: String
            }
        }
        guard let data = FileManager.default.contents(atPath: path), let report = try? JSONDecoder().decode(Report.self, from: data) else { return [] }
        return report.warnings.map {
            Diagnostic(severity: Diagnostic.Severity(rawValue: $0.severity) ?? .warning, stage: $0.stage, code: $0.code, location: $0.location,
                       message: $0.message).rendered
        }
    }
}
