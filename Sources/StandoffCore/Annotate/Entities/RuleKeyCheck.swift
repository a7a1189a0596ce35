import Foundation

/// Rejects rule lines with keys the rule type does not know, because the JSON decoder would
/// silently ignore a misspelt `no_mach` and its examples would never run.
enum RuleKeyCheck {
    /// Throws ``StandoffError/invalidRule(file:line:reason:)`` for the first line of `contents`
    /// with a key outside `allowed`; lines that are not JSON objects are left to the decoder.
    static func check(file: String, contents: String, allowed: Set<String>) throws {
        var lineNumber = 0
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else { continue }
            if let unknown = object.keys.filter({ !allowed.contains($0) }).sorted().first {
                throw StandoffError.invalidRule(file: file, line: lineNumber,
                                                reason: "unknown key '\(unknown)'; the keys are \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }
}
