import Foundation
import StandoffTestSupport
import Testing
@testable import StandoffCore

/// Every rule file through the one runner: every line's keys are known, every line has examples
/// both ways, and every example holds, as written and once more with an emoji first. A failure
/// is recorded at the rule file's line.
@Suite("Rule examples")
struct RuleExampleTests {
    static let runner = RuleExampleRunner.project

    @Test("Every example holds", arguments: runner.examples, [false, true])
    func example(_ example: RuleExample, emoji: Bool) {
        for failure in Self.runner.failures(of: example, emoji: emoji) {
            Issue.record(Comment(rawValue: failure), sourceLocation: example.sourceLocation)
        }
    }

    static func contents() throws -> [String: String] {
        var contents: [String: String] = [:]
        for name in RuleSet.FileName.all { contents[name] = try Repository.text("annotations/rules/" + name) }
        return contents
    }

    @Test func everyLineUsesOnlyKnownKeys() throws {
        #expect(Set(RuleExampleRunner.keys.keys) == Set(RuleSet.FileName.all), "give every rule file its keys")
        for problem in RuleExampleRunner.keyProblems(contents: try Self.contents(), folder: "annotations/rules") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func everyLineHasExamplesOfBothKinds() {
        #expect(Self.runner.linesWithoutExamples == [])
        // Every file is run, and every rule in code.
        let files = Set(Self.runner.examples.map { $0.file.split(separator: "/").last.map(String.init) ?? $0.file })
        #expect(Set(RuleSet.FileName.all).isSubset(of: files), "\(files)")
        let rules = Set(Self.runner.examples.map(\.rule))
        for rule in StanceAnnotator.codeRules { #expect(rules.contains(rule.identifier), "\(rule.identifier) declares no example") }
    }

    /// A misspelt key is an error at its line that says which key was meant, in every rule file.
    @Test(arguments: RuleSet.FileName.all)
    func aMisspeltKeyIsRefusedAtItsLineNamingTheFix(_ name: String) throws {
        var contents = try Self.contents()
        var lines = try #require(contents[name]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])
        // The longest key, less its last letter: `max_words` → `max_word`, `no_match` → `no_matc`.
        let key = try #require(object.keys.max { ($0.count, $1) < ($1.count, $0) })
        let misspelt = String(key.dropLast())
        let range = try #require(lines[index].range(of: "\"\(key)\":"))
        lines[index].replaceSubrange(range, with: "\"\(misspelt)\":")
        contents[name] = lines.joined(separator: "\n")
        do {
            _ = try RuleSet(contents: contents, folder: "rules")
            Issue.record("\(name): the misspelt key '\(misspelt)' was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("rules/\(name):\(index + 1): unknown key '\(misspelt)'; did you mean '\(key)'?"), "\(message)")
        }
    }

    /// The keys a type lists are exactly its stored properties in `snake_case`, so a new field
    /// cannot be refused as unknown nor a removed one still accepted.
    @Test func eachTypesKeysAreItsProperties() throws {
        let rules = TestRules.ruleSet
        let correction = try CorrectionSet.decode(file: "c.jsonl", contents: #"{"action": "keep-line", "doc_id": "d", "line": 1, "line_sha256": "0", "by": "A", "why": "B"}"#)
        let samples: [(keys: Set<String>, value: Any)] = [
            (BoilerplateRule.keys, try #require(rules.boilerplate.rules.first).rule),
            (AbbreviationRule.keys, try #require(rules.abbreviations.rules.first).rule),
            (GazetteerEntry.keys, try #require(rules.entities.gazetteer.entries.first).rule),
            (EntityPattern.keys, try #require(rules.entities.patterns.lines.first).rule),
            (StanceTarget.keys, try #require(rules.stance.targets.first).rule),
            (StanceCueRule.keys, try #require(rules.stance.cues.first).rule),
            (StanceHolderRule.keys, try #require(rules.stance.holders.first).rule),
            (Correction.keys, try #require(correction.lines.first).rule),
        ]
        for (keys, value) in samples {
            let properties = Set(Mirror(reflecting: value).children.compactMap(\.label).map(Self.snakeCase))
            #expect(keys == properties, "\(type(of: value))")
        }
    }

    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            result += character.isUppercase ? "_" + character.lowercased() : String(character)
        }
    }

    /// A letter missing, added, changed or two swapped is a typo of a key; anything further is not.
    @Test(arguments: [("max_word", "max_words"), ("scpoe", "scope"), ("no_mach", "no_match"), ("example", "examples"), ("colour", nil)] as [(String, String?)])
    func theClosestKeyIsSuggested(_ typo: String, _ meant: String?) {
        let keys: Set<String> = ["id", "scope", "max_words", "match", "no_match", "examples"]
        #expect(RuleKeyCheck.closestKey(to: typo, in: keys) == meant)
    }
}
