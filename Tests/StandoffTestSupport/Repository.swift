import Foundation

/// Paths inside the package, found from this file's location so tests run from any folder.
public enum Repository {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// `path` relative to the root, as a file-system path.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// The text of a file given relative to the root, e.g. `annotations/rules/boilerplate.jsonl`.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }
}
