import Testing
@testable import StandoffCore

/// Runs every example of every stance rule through the whole annotator (sentences, entity
/// mentions, stance), once as written and once with an emoji put first, which shifts every offset
/// by three code points and catches offset bugs. Examples of data lines come from
/// `annotations/rules/stance-*.jsonl`; examples of rules in code from their descriptions. A
/// failure names the file and line the example was written on.
@Suite("Stance rule examples")
struct StanceRuleExampleTests {
    static let emoji = "👍🏽 "

    struct Example: CustomTestStringConvertible, Sendable {
        enum Expectation: Sendable {
            /// The rule fires (or must not) and the label is as given.
            case label(String?, fires: Bool)
            /// The holder is the bracketed mention's entity, or the author when nothing is bracketed.
            case holder(fires: Bool)
        }
        let location: String
        let rule: String
        let text: String
        let expectation: Expectation
        let holder: String?
        let withEmoji: Bool
        var testDescription: String { "\(location) \(rule)\(withEmoji ? " +emoji" : ""): \(text)" }
    }

    static var examples: [Example] {
        var examples: [Example] = []
        func add(_ location: String, _ rule: String, _ text: String, _ expectation: Example.Expectation, holder: String? = nil) {
            for withEmoji in [false, true] {
                examples.append(Example(location: location, rule: rule, text: text, expectation: expectation, holder: holder, withEmoji: withEmoji))
            }
        }
        let rules = StanceFixture.rules
        for line in rules.targets {
            for text in line.rule.match { add(line.location, "target", text, .label(nil, fires: true)) }
            for text in line.rule.noMatch ?? [] { add(line.location, "target", text, .label("none", fires: false)) }
        }
        for line in rules.cues {
            for text in line.rule.match { add(line.location, line.rule.id, text, .label(line.rule.exampleLabel, fires: true)) }
            for text in line.rule.noMatch ?? [] { add(line.location, line.rule.id, text, .label(nil, fires: false)) }
        }
        for line in rules.holders {
            for text in line.rule.match { add(line.location, line.rule.id, text, .holder(fires: true)) }
            for text in line.rule.noMatch ?? [] { add(line.location, line.rule.id, text, .holder(fires: false)) }
        }
        for rule in StanceAnnotator.codeRules {
            for example in rule.examples {
                add("\(example.file):\(example.line)", rule.identifier, example.text, .label(example.label, fires: example.fires), holder: example.holder)
            }
        }
        return examples
    }

    @Test(arguments: examples)
    func example(_ example: Example) {
        let (plain, marked) = EntityFixture.unbracket(example.text)
        let (document, stance) = StanceFixture.lastRow(plain, prefix: example.withEmoji ? Self.emoji : "")
        let described = StanceFixture.describe(stance)
        var validate = document
        var diagnostics: [Diagnostic] = []
        #expect(throws: Never.self, "\(example.location): the rows break an invariant: \(described)") {
            try Validate(targets: [StanceFixture.target], knownEntities: []).apply(to: &validate, diagnostics: &diagnostics)
        }
        switch example.expectation {
        case let .label(label, fires):
            if example.rule == "target" {
                let onTarget = stance.rules.contains { $0.hasPrefix("target-") }
                #expect(onTarget == fires, "\(example.location): '\(plain)' should \(fires ? "" : "not ")refer to the target; got \(described)")
            } else if example.rule == HedgeRule.description.identifier {
                // Hedges fire under their own line's id.
                let hedges = Set(StanceFixture.rules.cues.filter { $0.rule.resolvedKind == .hedge }.map(\.rule.id))
                #expect(stance.rules.contains(where: hedges.contains) == fires, "\(example.location): '\(plain)' should \(fires ? "" : "not ")fire a hedge; got \(described)")
            } else {
                #expect(stance.rules.contains(example.rule) == fires, "\(example.location): '\(plain)' should \(fires ? "" : "not ")fire \(example.rule); got \(described)")
            }
            if let label {
                #expect(stance.label == label, "\(example.location): '\(plain)' should be \(label); got \(described)")
            }
            if let holder = example.holder {
                #expect(stance.holder == holder, "\(example.location): '\(plain)' should be held by \(holder); got \(described)")
            }
        case let .holder(fires):
            let shift = example.withEmoji ? Self.emoji.unicodeScalars.count : 0
            let contextLength = StanceFixture.context.unicodeScalars.count + 1 + shift
            // A marked span that is a mention names the holder; marked words that are no mention are an unnamed source.
            let expected = marked.first.map { span in
                document.mentions.first { $0.start == span.lowerBound + contextLength && $0.end == span.upperBound + contextLength }?.entityID
                    ?? StanceAnnotator.unnamed
            } ?? StanceAnnotator.author
            #expect(!fires || !marked.isEmpty, "\(example.location): mark the speaker with [ ]")
            #expect(stance.holder == expected, "\(example.location): '\(plain)' should be held by \(expected); got \(described)")
            #expect(stance.rules.contains(example.rule) == fires, "\(example.location): '\(plain)' should \(fires ? "" : "not ")fire \(example.rule); got \(described)")
        }
    }

    @Test func everyRuleHasExamplesBothWays() {
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
