import Testing
@testable import StandoffCore

/// Runs every `match` and `no_match` example of every boilerplate rule through the whole
/// `Clean` stage, once as written and once with an emoji line put first (which shifts every
/// line number and catches off-by-one bugs).
@Suite("Boilerplate rule examples")
struct BoilerplateRuleExampleTests {
    static let lexicon = TestRules.boilerplate

    /// A paragraph no rule fires on, long enough to anchor the body.
    static let body = "The committee met on Tuesday to discuss the budget, and its members agreed that the proposal needed more work before a vote could be held. Several members said the costs were too high, while others argued that delaying the decision would only make matters worse."

    struct Example: CustomTestStringConvertible, Sendable {
        let rule: BoilerplateLexicon.Compiled
        let line: String
        let shouldMatch: Bool
        let emojiLine: Bool
        var testDescription: String {
            "\(rule.location) \(rule.rule.id) \(shouldMatch ? "match" : "no_match")\(emojiLine ? " +emoji" : ""): \(line)"
        }
    }

    static var examples: [Example] {
        lexicon.rules.flatMap { rule in
            [true, false].flatMap { emoji in
                rule.rule.match.map { Example(rule: rule, line: $0, shouldMatch: true, emojiLine: emoji) }
                    + (rule.rule.noMatch ?? []).map { Example(rule: rule, line: $0, shouldMatch: false, emojiLine: emoji) }
            }
        }
    }

    @Test(arguments: examples)
    func example(_ example: Example) throws {
        var lines = example.rule.scope == .tail ? [Self.body, "", example.line] : [example.line, "", Self.body]
        if example.emojiLine { lines.insert("👍🏽", at: 0) }
        let lineNumber = lines.firstIndex(of: example.line)! + 1
        let (document, _) = try TestRules.run([Clean(lexicon: Self.lexicon)], text: lines.joined(separator: "\n"))

        let reason = document.removed.first { $0.line == lineNumber }?.reason
        if example.shouldMatch {
            #expect(reason == example.rule.rule.id, "\(example.rule.location): '\(example.line)' was \(reason.map { "removed as \($0)" } ?? "kept")")
            #expect(document.text == Self.body)
        } else {
            #expect(reason != example.rule.rule.id, "\(example.rule.location): '\(example.line)' must not be removed by this rule")
        }
    }

    @Test func everyRuleHasExamplesAndAUniqueID() {
        #expect(Self.lexicon.rules.count >= 15)
        #expect(Set(Self.lexicon.rules.map(\.rule.id)).count == Self.lexicon.rules.count)
        for rule in Self.lexicon.rules {
            #expect(!rule.rule.match.isEmpty, "\(rule.location)")
            #expect(!(rule.rule.noMatch ?? []).isEmpty, "\(rule.location): add a no_match example")
        }
    }

    struct BadRule: CustomTestStringConvertible, Sendable {
        let line: String
        let reason: String
        var testDescription: String { reason }
    }

    static let badRules: [BadRule] = [
        BadRule(line: #"{"id":"x","summary":"s","pattern":"(","match":["a"]}"#, reason: "does not compile"),
        BadRule(line: #"{"id":"x","summary":"s","pattern":"a","match":[]}"#, reason: "add at least one 'match' example"),
        BadRule(line: #"{"id":"x","summary":"s","pattern":"a","assigns":"authors","match":["a"]}"#, reason: "no (?<value>…) group"),
        BadRule(line: #"{"id":"x","pattern":"a","match":["a"]}"#, reason: "missing key 'summary'"),
        BadRule(line: #"{"id":"x","summary":"s","pattern":"a","scope":"middle","match":["a"]}"#, reason: "not a valid BoilerplateRule"),
    ]

    @Test(arguments: badRules)
    func badRuleLinesAreRejectedWithFileAndLine(_ bad: BadRule) {
        do {
            _ = try BoilerplateLexicon.decode(file: "rules/b.jsonl", contents: "\n" + bad.line + "\n")
            Issue.record("accepted a bad rule")
        } catch let error as StandoffError {
            #expect(error.description.hasPrefix("rules/b.jsonl:2:"))
            #expect(error.description.contains(bad.reason), "\(error.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
