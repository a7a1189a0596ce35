import Foundation
import StandoffCore

/// The rule files the repository ships in `annotations/rules/`, decoded at first use.
public enum ShippedRules {
    /// The decoded rule set; a missing or invalid file stops the fuzzer at once.
    public static let rules: RuleSet = {
        // Fuzz/Sources/FuzzSupport/ShippedRules.swift → the repository root, four folders up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("annotations/rules")
        var contents: [String: String] = [:]
        for name in RuleSet.FileName.all {
            contents[name] = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        do {
            return try RuleSet(contents: contents, folder: "annotations/rules")
        } catch {
            fatalError("cannot load the shipped rules: \(error)")
        }
    }()
}
