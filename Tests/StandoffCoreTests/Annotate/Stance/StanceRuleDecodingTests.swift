import Testing
@testable import StandoffCore

/// Bad stance rule lines are refused with the file, the line and what to fix.
@Suite("Stance rule decoding")
struct StanceRuleDecodingTests {
    static let target = #"{"id": "t", "description": "d", "parties": [{"id": "a", "entities": []}, {"id": "b", "entities": []}], "topic_patterns": ["talks"], "match": ["x"], "no_match": ["y"]}"#
    static let cue = #"{"id": "c", "summary": "s", "kind": "favor", "weight": 2, "patterns": ["good"], "match": ["x"], "no_match": ["y"]}"#
    static let holder = #"{"id": "h", "summary": "s", "kind": "speech-verb", "words": ["said"], "match": ["x"], "no_match": ["y"]}"#

    struct Bad: CustomTestStringConvertible, Sendable {
        let file: String
        let line: String
        let reason: String
        var testDescription: String { reason }
    }

    static let bad: [Bad] = [
        Bad(file: "targets", line: target.replacingOccurrences(of: #""match""#, with: #""macth""#), reason: "unknown key 'macth'"),
        Bad(file: "targets", line: target.replacingOccurrences(of: #", {"id": "b", "entities": []}"#, with: ""), reason: "exactly two 'parties'"),
        Bad(file: "targets", line: target.replacingOccurrences(of: #""entities": []}]"#, with: #""entities": ["a"]}]"#), reason: "listed for both parties"),
        Bad(file: "targets", line: target.replacingOccurrences(of: #""talks""#, with: #""(talks""#), reason: "does not compile"),
        Bad(file: "cues", line: cue.replacingOccurrences(of: #""favor""#, with: #""pro""#), reason: "kind 'pro'"),
        Bad(file: "cues", line: cue.replacingOccurrences(of: #""weight": 2"#, with: #""weight": 5"#), reason: "'weight' of 1, 2 or 3"),
        Bad(file: "cues", line: cue.replacingOccurrences(of: #", "no_match": ["y"]"#, with: ""), reason: "add 'match' and 'no_match'"),
        Bad(file: "cues", line: cue.replacingOccurrences(of: #""id": "c""#, with: #""id": "negation""#), reason: "a rule in code"),
        Bad(file: "cues", line: cue.replacingOccurrences(of: #""id": "c""#, with: #""id": "t""#), reason: "already used"),
        Bad(file: "cues", line: cue.replacingOccurrences(of: #""id": "c""#, with: #""id": "Bad Id""#), reason: "slug"),
        Bad(file: "holders", line: holder.replacingOccurrences(of: #""speech-verb""#, with: #""pronoun""#), reason: "'refers_to': PERSON or ORG"),
        Bad(file: "holders", line: holder.replacingOccurrences(of: #""said""#, with: #""Said""#), reason: "lower case"),
    ]

    @Test(arguments: bad)
    func refuses(_ bad: Bad) {
        let contents = ["targets": Self.target, "cues": Self.cue, "holders": Self.holder].merging([bad.file: bad.line]) { $1 }
        do {
            _ = try StanceRules.decode(targetsFile: "rules/targets.jsonl", targets: contents["targets"]!, cuesFile: "rules/cues.jsonl", cues: contents["cues"]!,
                                       holdersFile: "rules/holders.jsonl", holders: contents["holders"]!)
            Issue.record("accepted a line that should fail with '\(bad.reason)'")
        } catch let StandoffError.invalidRule(file, line, reason) {
            #expect(file == "rules/\(bad.file).jsonl")
            #expect(line == 1)
            #expect(reason.contains(bad.reason), "\(reason)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func acceptsGoodLinesAndAddsDocumentColumnsPerTarget() throws {
        let rules = try StanceRules.decode(targetsFile: "t", targets: Self.target, cuesFile: "c", cues: Self.cue, holdersFile: "h", holders: Self.holder)
        #expect(rules.targetList.map(\.id) == ["t"])
        #expect(DatasetTables(targets: rules.targetList).documents.columnNames.suffix(4) == ["t_stance", "t_n_favor", "t_n_against", "t_n_none"])
    }

    /// Every stance rule in code declares an example it fires on, and every operator one it leaves
    /// alone (the rule example runner runs them); the files hold one target and every cue kind.
    @Test func everyRuleInCodeHasExamplesBothWays() {
        for rule in StanceAnnotator.codeRules {
            #expect(rule.examples.contains { $0.fires }, "\(rule.identifier): add an example it fires on")
        }
        let operators = StanceAnnotator.operators.map { type(of: $0).description.identifier } + ["hedge"]
        for rule in StanceAnnotator.codeRules where operators.contains(rule.identifier) {
            #expect(rule.examples.contains { !$0.fires }, "\(rule.identifier): add an example it must leave alone")
        }
        #expect(StanceFixture.rules.targets.map(\.rule.id) == ["japan-dprk-dialogue"])
        #expect(Set(StanceFixture.rules.cues.compactMap(\.rule.resolvedKind)) == Set(StanceCueRule.Kind.allCases))
    }
}
