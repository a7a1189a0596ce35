import Testing
@testable import StandoffCore

/// The boilerplate file decodes with unique ids; bad lines are refused with the file, the line
/// and what to fix. (Its examples run in ``RuleExampleTests``.)
@Suite("Boilerplate rule decoding")
struct BoilerplateRuleDecodingTests {
    static let lexicon = TestRules.boilerplate

    @Test func theFileHoldsRulesWithUniqueIDs() {
        #expect(Self.lexicon.rules.count >= 15)
        #expect(Set(Self.lexicon.rules.map(\.rule.id)).count == Self.lexicon.rules.count)
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
        BadRule(line: #"{"id":"x","summary":"s","pattern":"a","max_word":3,"match":["a"]}"#, reason: "unknown key 'max_word'; did you mean 'max_words'?"),
        BadRule(line: #"{"id":"x","summary":"s","pattern":"a","scop":"head","match":["a"]}"#, reason: "unknown key 'scop'; did you mean 'scope'?"),
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
