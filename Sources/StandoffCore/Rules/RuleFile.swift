import Foundation

/// A decoded rule and the place it was written, so a failing example or a bad pattern
/// points at `annotations/rules/FILE.jsonl:LINE`.
public struct RuleLine<Rule: Sendable>: Sendable {
    /// The decoded rule.
    public var rule: Rule
    /// The rule file's path as given to the loader, e.g. `annotations/rules/boilerplate.jsonl`.
    public var file: String
    /// 1-based line number in that file.
    public var line: Int

    /// `file:line`, the way compilers name a place.
    public var location: String { "\(file):\(line)" }

    /// Creates a located rule.
    public init(rule: Rule, file: String, line: Int) {
        self.rule = rule
        self.file = file
        self.line = line
    }
}

/// Decodes rule files: JSON Lines, one rule object per line, blank lines allowed.
///
/// The core never opens files; callers pass the file's name and contents.
/// Keys are `snake_case` in the files and `camelCase` in Swift; a key the rule type does not
/// list is an error, since the decoder alone would ignore it.
public enum RuleFile {
    /// Decodes every non-blank line of `contents` as a `Rule`.
    ///
    /// - Throws: ``StandoffError/invalidRule(file:line:reason:)`` naming the first bad line: one that
    ///   is no `Rule` object or that uses a key outside ``RuleLineDecodable/keys``.
    public static func decode<Rule: RuleLineDecodable>(_ type: Rule.Type, file: String, contents: String) throws -> [RuleLine<Rule>] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var rules: [RuleLine<Rule>] = []
        var lineNumber = 0
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let json = Data(trimmed.utf8)
            if let problem = RuleKeyCheck.problem(inLine: json, allowed: Rule.keys) {
                throw StandoffError.invalidRule(file: file, line: lineNumber, reason: problem)
            }
            do {
                let rule = try decoder.decode(Rule.self, from: json)
                rules.append(RuleLine(rule: rule, file: file, line: lineNumber))
            } catch {
                throw StandoffError.invalidRule(file: file, line: lineNumber, reason: "not a valid \(Rule.self) object: \(describe(error))")
            }
        }
        return rules
    }

    /// A one-line account of a decoding error, naming the key that is missing or mistyped.
    static func describe(_ error: Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        func path(_ codingPath: [CodingKey]) -> String {
            codingPath.isEmpty ? "the object" : "'" + codingPath.map(\.stringValue).joined(separator: ".") + "'"
        }
        switch decodingError {
        case let .keyNotFound(key, context):
            return "missing key '\(key.stringValue)' in \(path(context.codingPath))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type at \(path(context.codingPath)): \(context.debugDescription)"
        case let .dataCorrupted(context):
            return "malformed JSON: \(context.debugDescription)"
        @unknown default:
            return "\(decodingError)"
        }
    }
}
