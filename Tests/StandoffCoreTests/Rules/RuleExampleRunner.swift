import StandoffTestSupport
@testable import StandoffCore

/// The one runner for every rule file's examples: it lists every `match` / `no_match` (and
/// abbreviation `examples`) of every line, and every example a stance rule in code declares, and
/// runs each through the stages that read the rule, as written or with an emoji put first (which
/// shifts every offset, and for boilerplate every line number). Failures are messages that start
/// with the example's `file:line`.
struct RuleExampleRunner: Sendable {
    /// The keys each rule file's lines may use, by file name.
    static let keys: [String: Set<String>] = [
        RuleSet.FileName.boilerplate: BoilerplateRule.keys,
        RuleSet.FileName.abbreviations: AbbreviationRule.keys,
        RuleSet.FileName.gazetteer: GazetteerEntry.keys,
        RuleSet.FileName.entityPatterns: EntityPattern.keys,
        RuleSet.FileName.stanceTargets: StanceTarget.keys,
        RuleSet.FileName.stanceCues: StanceCueRule.keys,
        RuleSet.FileName.stanceHolders: StanceHolderRule.keys,
    ]

    /// Put first in the emoji run: a line of its own before a boilerplate example, a prefix of
    /// the text otherwise. It is one grapheme of two scalars and four UTF-16 units.
    static let emoji = "👍🏽"

    /// A paragraph no boilerplate rule fires on, long enough to anchor the body.
    static let body = "The committee met on Tuesday to discuss the budget, and its members agreed that the proposal needed more work before a vote could be held. Several members said the costs were too high, while others argued that delaying the decision would only make matters worse."

    let stages: ExampleStages

    init(rules: RuleSet) {
        stages = ExampleStages(rules: rules)
    }

    /// The project's rules.
    static let project = RuleExampleRunner(rules: TestRules.ruleSet)

    var rules: RuleSet { stages.rules }

    // MARK: Listing

    /// Every example, file by file in ``RuleSet/FileName/all`` order, then the rules in code.
    var examples: [RuleExample] {
        var examples: [RuleExample] = []
        func add(_ line: RuleLine<some Sendable>, _ rule: String, match: [String], noMatch: [String]?,
                 _ expectation: (_ match: Bool) -> RuleExample.Expectation) {
            examples += match.map { RuleExample(file: line.file, line: line.line, rule: rule, key: "match", text: $0, expectation: expectation(true)) }
            examples += (noMatch ?? []).map { RuleExample(file: line.file, line: line.line, rule: rule, key: "no_match", text: $0, expectation: expectation(false)) }
        }
        for compiled in rules.boilerplate.rules {
            let line = boilerplateLine(compiled)
            add(line, compiled.rule.id, match: compiled.rule.match, noMatch: compiled.rule.noMatch) { .boilerplate(removes: $0, tail: compiled.scope == .tail) }
        }
        for line in rules.abbreviations.rules {
            examples += line.rule.examples.map {
                RuleExample(file: line.file, line: line.line, rule: line.rule.id, key: "examples", text: $0.text, expectation: .sentences($0.sentences))
            }
        }
        for line in rules.entities.gazetteer.entries {
            add(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) { .mentions(owner: .entity(line.rule.id), found: $0) }
        }
        for line in rules.entities.patterns.lines {
            let owner: RuleExample.MentionOwner = line.rule.resolvedKind == .stopWords ? .anyPattern : .rule(line.rule.id)
            add(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) { .mentions(owner: owner, found: $0) }
        }
        for line in rules.stance.targets {
            add(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) { .target(id: line.rule.id, refers: $0) }
        }
        for line in rules.stance.cues {
            add(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) { .stance(label: $0 ? line.rule.exampleLabel : nil, holder: nil, fires: $0) }
        }
        for line in rules.stance.holders {
            add(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) { .holder(fires: $0) }
        }
        for rule in StanceAnnotator.codeRules {
            examples += rule.examples.map {
                RuleExample(file: $0.file, line: $0.line, rule: rule.identifier, key: $0.fires ? "match" : "no_match", text: $0.text,
                            expectation: .stance(label: $0.label, holder: $0.holder, fires: $0.fires))
            }
        }
        return examples
    }

    /// A compiled boilerplate rule as the line it was decoded from.
    private func boilerplateLine(_ compiled: BoilerplateLexicon.Compiled) -> RuleLine<BoilerplateRule> {
        RuleLine(rule: compiled.rule, file: compiled.file, line: compiled.line)
    }

    /// Every place a rule file's line lacks an example of either kind (abbreviation lines: any
    /// example), as `file:line: …` messages. An example of one kind only cannot show the rule is
    /// neither too narrow nor too broad.
    var linesWithoutExamples: [String] {
        func check(_ line: RuleLine<some Sendable>, _ id: String, match: [String], noMatch: [String]?) -> [String] {
            match.isEmpty || (noMatch ?? []).isEmpty ? ["\(line.location): '\(id)' needs both a 'match' and a 'no_match' example"] : []
        }
        var problems: [String] = []
        for compiled in rules.boilerplate.rules {
            problems += check(boilerplateLine(compiled), compiled.rule.id, match: compiled.rule.match, noMatch: compiled.rule.noMatch)
        }
        problems += rules.abbreviations.rules.filter { $0.rule.examples.isEmpty }.map { "\($0.location): '\($0.rule.id)' needs an example" }
        for line in rules.entities.gazetteer.entries { problems += check(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) }
        for line in rules.entities.patterns.lines { problems += check(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) }
        for line in rules.stance.targets { problems += check(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) }
        for line in rules.stance.cues { problems += check(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) }
        for line in rules.stance.holders { problems += check(line, line.rule.id, match: line.rule.match, noMatch: line.rule.noMatch) }
        return problems
    }

    /// Every unknown key on every line of the rule files in `contents` (by file name), each a
    /// `file:line: …` message naming the fix.
    static func keyProblems(contents: [String: String], folder: String) -> [String] {
        RuleSet.FileName.all.flatMap { name in
            RuleKeyCheck.problems(file: folder + "/" + name, contents: contents[name] ?? "", allowed: keys[name] ?? []).map(\.description)
        }
    }

    // MARK: Running

    /// What is wrong with `example` run as written, or with the emoji first; empty when it holds.
    func failures(of example: RuleExample, emoji: Bool) -> [String] {
        let problems: [String] = switch example.expectation {
        case let .boilerplate(removes, tail): boilerplate(example, removes: removes, tail: tail, emoji: emoji)
        case let .sentences(sentences): split(example, sentences, emoji: emoji)
        case let .mentions(owner, found): mentions(example, owner: owner, found: found, emoji: emoji)
        case let .target(id, refers): target(example, id: id, refers: refers, emoji: emoji)
        case let .stance(label, holder, fires): stance(example, label: label, holder: holder, fires: fires, emoji: emoji)
        case let .holder(fires): holder(example, fires: fires, emoji: emoji)
        }
        let run = "'\(example.rule)' \(example.key)\(emoji ? " with an emoji first" : "")"
        return problems.map { "\(example.location): \(run): \($0)" }
    }

    private func boilerplate(_ example: RuleExample, removes: Bool, tail: Bool, emoji: Bool) -> [String] {
        var lines = tail ? [Self.body, "", example.text] : [example.text, "", Self.body]
        if emoji { lines.insert(Self.emoji, at: 0) }
        let lineNumber = lines.firstIndex(of: example.text)! + 1
        let document: Document
        do {
            document = try TestRules.run([Clean(lexicon: rules.boilerplate)], text: lines.joined(separator: "\n")).0
        } catch {
            return ["clean failed: \(error)"]
        }
        let reason = document.removed.first { $0.line == lineNumber }?.reason
        if !removes {
            return reason == example.rule ? ["'\(example.text)' must not be removed by this rule"] : []
        }
        var problems: [String] = []
        if reason != example.rule { problems.append("'\(example.text)' was \(reason.map { "removed as \($0)" } ?? "kept")") }
        if document.text != Self.body { problems.append("the body around it changed: \(document.text.debugDescription)") }
        return problems
    }

    private func split(_ example: RuleExample, _ sentences: [String], emoji: Bool) -> [String] {
        let prefix = emoji ? Self.emoji + " " : ""
        var expected = sentences
        if !expected.isEmpty { expected[0] = prefix + expected[0] }
        let scalars = Array((prefix + example.text).unicodeScalars)
        let got = stages.splitter.split(prefix + example.text).map { String(String.UnicodeScalarView(scalars[$0])) }
        var problems: [String] = []
        if got != expected { problems.append("split into \(got), not \(expected)") }
        // The Golden Rules measure the splitter; an example copied from them would hide a regression there.
        if GoldenRule.all.contains(where: { $0.text == example.text }) { problems.append("the example copies a Golden Rule; write one of its own") }
        return problems
    }

    private func mentions(_ example: RuleExample, owner: RuleExample.MentionOwner, found: Bool, emoji: Bool) -> [String] {
        let (plain, marked) = EntityFixture.unbracket(example.text)
        let prefix = emoji ? Self.emoji + " " : ""
        let shift = prefix.unicodeScalars.count
        let document = ExampleStages.oneSentence(prefix + plain)
        let mentions = stages.mentions(in: document).mentions
        var problems = EntityFixture.contractViolations(mentions, in: document)
        let patternRules = Set(rules.entities.patterns.lines.map(\.rule.id))
        let owned = mentions.filter { mention in
            switch owner {
            case let .entity(id): return mention.entityID == id
            case let .rule(id): return mention.rule == id
            case .anyPattern: return patternRules.contains(mention.rule)
            }
        }
        let described = owned.map { "'\($0.text)'@\($0.start - shift) \($0.type) \($0.entityID) by \($0.rule)" }
        let all = mentions.map { "'\($0.text)' \($0.entityID)" }
        if !found {
            if !owned.isEmpty { problems.append("'\(plain)' must give no mention of it, got \(described)") }
        } else if marked.isEmpty {
            if owned.isEmpty { problems.append("'\(plain)' gave no mention of it; all mentions: \(all)") }
        } else {
            let expected = marked.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
            if owned.map({ $0.start..<$0.end }) != expected {
                problems.append("'\(plain)' should mark \(marked.map { "\($0)" }), got \(described); all mentions: \(all)")
            }
        }
        return problems
    }

    /// The last sentence's row toward `target`, and whether the rows pass validation.
    private func row(_ text: String, emoji: Bool, target: String? = nil) -> (document: Document, stance: Stance, problems: [String]) {
        let (document, stance) = stages.lastRow(text, prefix: emoji ? Self.emoji + " " : "", target: target)
        var validated = document
        var diagnostics: [Diagnostic] = []
        var problems: [String] = []
        do {
            try Validate(targets: rules.stance.targetList.map(\.id), knownEntities: []).apply(to: &validated, diagnostics: &diagnostics)
        } catch {
            problems.append("the rows break an invariant: \(error)")
        }
        return (document, stance, problems)
    }

    private func target(_ example: RuleExample, id: String, refers: Bool, emoji: Bool) -> [String] {
        let (plain, _) = EntityFixture.unbracket(example.text)
        var (_, stance, problems) = row(plain, emoji: emoji, target: id)
        let onTarget = stance.rules.contains { $0.hasPrefix("target-") }
        if onTarget != refers { problems.append("'\(plain)' should \(refers ? "" : "not ")refer to the target; got \(StanceFixture.describe(stance))") }
        if !refers && stance.label != "none" { problems.append("'\(plain)' is off target, so its label is none; got \(StanceFixture.describe(stance))") }
        return problems
    }

    private func stance(_ example: RuleExample, label: String?, holder: String?, fires: Bool, emoji: Bool) -> [String] {
        let (plain, _) = EntityFixture.unbracket(example.text)
        var (_, stance, problems) = row(plain, emoji: emoji)
        let described = StanceFixture.describe(stance)
        let fired: Bool
        switch example.rule {
        case HedgeRule.description.identifier:
            // Hedges fire under their own line's id.
            let hedges = Set(rules.stance.cues.filter { $0.rule.resolvedKind == .hedge }.map(\.rule.id))
            fired = stance.rules.contains(where: hedges.contains)
        default:
            fired = stance.rules.contains(example.rule)
        }
        if fired != fires { problems.append("'\(plain)' should \(fires ? "" : "not ")fire \(example.rule); got \(described)") }
        if let label, stance.label != label { problems.append("'\(plain)' should be \(label); got \(described)") }
        if let holder, stance.holder != holder { problems.append("'\(plain)' should be held by \(holder); got \(described)") }
        return problems
    }

    private func holder(_ example: RuleExample, fires: Bool, emoji: Bool) -> [String] {
        let (plain, marked) = EntityFixture.unbracket(example.text)
        var (document, stance, problems) = row(plain, emoji: emoji)
        let shift = emoji ? (Self.emoji + " ").unicodeScalars.count : 0
        let contextLength = ExampleStages.stanceContext.unicodeScalars.count + 1 + shift
        // A marked span that is a mention names the holder; marked words that are no mention are an unnamed source.
        let expected = marked.first.map { span in
            document.mentions.first { $0.start == span.lowerBound + contextLength && $0.end == span.upperBound + contextLength }?.entityID
                ?? StanceAnnotator.unnamed
        } ?? StanceAnnotator.author
        if fires && marked.isEmpty { problems.append("mark the speaker with [ ]") }
        if stance.holder != expected { problems.append("'\(plain)' should be held by \(expected); got \(StanceFixture.describe(stance))") }
        if stance.rules.contains(example.rule) != fires {
            problems.append("'\(plain)' should \(fires ? "" : "not ")fire \(example.rule); got \(StanceFixture.describe(stance))")
        }
        return problems
    }
}
