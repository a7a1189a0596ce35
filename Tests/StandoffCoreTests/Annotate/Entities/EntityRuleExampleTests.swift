import Testing
@testable import StandoffCore

/// Runs every `match` and `no_match` example of every gazetteer and pattern line through the whole
/// annotator, once as written and once with an emoji put first (which shifts every offset by three
/// code points and catches offset bugs). `[…]` in a `match` example marks exactly the mentions the
/// line must produce; a failure names the rule file and line.
@Suite("Entity rule examples")
struct EntityRuleExampleTests {
    static let rules = EntityFixture.rules
    static let emoji = "👍🏽 "

    /// Which mentions an example's line is answerable for.
    enum Owner: Sendable {
        /// A gazetteer entry: mentions with its id, whatever rule linked them.
        case entity(String)
        /// A pattern line: mentions it produced.
        case rule(String)
        /// The stop-word line: mentions any pattern produced.
        case anyPattern
    }

    struct Example: CustomTestStringConvertible, Sendable {
        let location: String
        let id: String
        let owner: Owner
        let text: String
        let shouldMatch: Bool
        let withEmoji: Bool
        var testDescription: String {
            "\(location) \(id) \(shouldMatch ? "match" : "no_match")\(withEmoji ? " +emoji" : ""): \(text)"
        }
    }

    static var examples: [Example] {
        var examples: [Example] = []
        func add(_ location: String, _ id: String, _ owner: Owner, match: [String], noMatch: [String]) {
            for withEmoji in [false, true] {
                examples += match.map { Example(location: location, id: id, owner: owner, text: $0, shouldMatch: true, withEmoji: withEmoji) }
                examples += noMatch.map { Example(location: location, id: id, owner: owner, text: $0, shouldMatch: false, withEmoji: withEmoji) }
            }
        }
        for line in rules.gazetteer.entries {
            add(line.location, line.rule.id, .entity(line.rule.id), match: line.rule.match, noMatch: line.rule.noMatch ?? [])
        }
        for line in rules.patterns.lines {
            let owner: Owner = line.rule.resolvedKind == .stopWords ? .anyPattern : .rule(line.rule.id)
            add(line.location, line.rule.id, owner, match: line.rule.match, noMatch: line.rule.noMatch ?? [])
        }
        return examples
    }

    static let patternRules = Set(rules.patterns.lines.map(\.rule.id))

    @Test(arguments: examples)
    func example(_ example: Example) {
        let (plain, marked) = EntityFixture.unbracket(example.text)
        let prefix = example.withEmoji ? Self.emoji : ""
        let shift = prefix.unicodeScalars.count
        let document = EntityFixture.oneSentence(prefix + plain)
        let (mentions, _) = EntityFixture.annotate(document)
        #expect(EntityFixture.contractViolations(mentions, in: document).isEmpty, "\(example.location): \(EntityFixture.contractViolations(mentions, in: document))")

        let owned = mentions.filter { mention in
            switch example.owner {
            case let .entity(id): return mention.entityID == id
            case let .rule(id): return mention.rule == id
            case .anyPattern: return Self.patternRules.contains(mention.rule)
            }
        }
        let found = owned.map { "'\($0.text)'@\($0.start - shift) \($0.type) \($0.entityID) by \($0.rule)" }
        let all = mentions.map { "'\($0.text)' \($0.entityID)" }
        if !example.shouldMatch {
            #expect(owned.isEmpty, "\(example.location): '\(example.text)' must not give \(example.id) mentions, got \(found)")
        } else if marked.isEmpty {
            #expect(!owned.isEmpty, "\(example.location): '\(example.text)' gave no \(example.id) mention; all mentions: \(all)")
        } else {
            let expected = marked.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
            #expect(owned.map { $0.start..<$0.end } == expected,
                    "\(example.location): '\(example.text)' should mark \(marked.map { "\($0)" }), got \(found); all mentions: \(all)")
        }
    }

    @Test func everyLineHasExamplesAndTheFilesCoverTheirGround() {
        #expect(Self.rules.gazetteer.entries.count >= 250)
        for line in Self.rules.gazetteer.entries {
            #expect(!line.rule.match.isEmpty && !(line.rule.noMatch ?? []).isEmpty, "\(line.location): add match and no_match examples")
        }
        for line in Self.rules.patterns.lines {
            #expect(!line.rule.match.isEmpty && !(line.rule.noMatch ?? []).isEmpty, "\(line.location): add match and no_match examples")
        }
        let types = Set(Self.rules.gazetteer.entries.map(\.rule.type))
        #expect(types == Set(["PERSON", "GPE", "ORG", "EVENT"]), "NORP mentions come from GPE demonyms")
        // The ids other rule sets rely on.
        for id in ["japan", "north-korea", "south-korea", "united-states", "china", "russia", "tokyo", "pyongyang", "seoul", "washington",
                   "beijing", "moscow", "kim-jong-un", "kim-yo-jong", "kim-jong-il", "fumio-kishida", "shinzo-abe", "junichiro-koizumi",
                   "donald-trump", "joe-biden", "moon-jae-in", "yoon-suk-yeol", "vladimir-putin", "xi-jinping", "yoshimasa-hayashi"] {
            #expect(Self.rules.gazetteer.entry(id: id) != nil, "gazetteer lacks '\(id)'")
        }
    }
}
