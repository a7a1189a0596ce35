/// A stance rule written in code, in the spirit of SwiftLint's rules: one type per file, a stable
/// identifier and examples that the test suite runs through the whole annotator.
protocol DescribedStanceRule: Sendable {
    /// Identifier, summary and examples.
    static var description: StanceRuleDescription { get }
}

/// An operator: a rule in code that changes what a sentence's cues count for (negation flips
/// them, a contrast or a condition discounts some).
protocol StanceOperator: DescribedStanceRule {
    /// Acts on the cues of one on-target sentence, whose words the operators have scanned;
    /// returns the spans of the words that triggered a change (empty when the operator changed
    /// nothing, so it did not fire).
    func apply(to cues: inout [WorkingCue], in sentence: OperatorScan) -> [Range<Int>]
}

/// The words of a sentence the operators act on, found once per sentence: the annotator decides
/// a sentence once more for every rule that fired, to tell which were decisive, and scanning
/// the words each time cost more than the decisions. Each operator's own function finds its words.
struct OperatorScan: Sendable {
    let text: StanceText
    /// The last `?` of a question (``QuestionRule``); `nil` when the sentence asks nothing.
    let questionMark: Int?
    /// Token indices of the words that open a condition (``ConditionalRule``).
    let conditionStarts: [Int]
    /// Token indices on the conceded side of a contrast, and the markers that made them so (``ContrastRule``).
    let conceded: Set<Int>
    let contrastMarkers: [Int]
    /// Token indices of negations, whether or not inside a cue (``NegationRule``).
    let negations: [Int]

    init(_ text: StanceText) {
        self.text = text
        questionMark = text.isQuestion ? text.scalars.lastIndex(of: "?") : nil
        conditionStarts = ConditionalRule.conditionStarts(in: text)
        (conceded, contrastMarkers) = ContrastRule.concededTokens(in: text)
        negations = NegationRule.negations(in: text)
    }
}

/// What a stance rule written in code is, for `--help`-style listings, the dataset card and tests.
public struct StanceRuleDescription: Sendable {
    /// Stable identifier, recorded in the `rules` column when the rule fires.
    public var identifier: String
    /// One sentence: what the rule does.
    public var summary: String
    /// Sentences and the label and holder the whole annotator must give them.
    public var examples: [StanceRuleExample]

    /// Creates a description.
    public init(identifier: String, summary: String, examples: [StanceRuleExample]) {
        self.identifier = identifier
        self.summary = summary
        self.examples = examples
    }
}

/// A sentence and what the annotator must make of it, remembering where it was written so a
/// failing example points at its line.
public struct StanceRuleExample: Sendable {
    /// The sentence; it runs after a context sentence that names the target.
    public var text: String
    /// The label it must get.
    public var label: String
    /// The holder it must get.
    public var holder: String
    /// Whether the rule must fire on it (`false` for examples that show where it does not apply).
    public var fires: Bool
    /// Where the example was written.
    public var file: String
    public var line: Int

    /// Creates an example; `file` and `line` default to the call site.
    public init(_ text: String, label: String, holder: String = "author", fires: Bool = true, file: String = #filePath, line: Int = #line) {
        self.text = text
        self.label = label
        self.holder = holder
        self.fires = fires
        self.file = file
        self.line = line
    }
}

/// A cue found in a sentence and what the operators have made of it so far.
struct WorkingCue: Sendable, Equatable {
    /// The cue line's id.
    let rule: String
    let kind: StanceCueRule.Kind
    /// Code-point offsets into the sentence.
    let range: Range<Int>
    /// `favor`, `against` or `none` (feasibility cues, and cues an operator discounted).
    var label: String
    /// What the cue adds to the score, before its sign.
    var weight: Int

    /// The signed contribution to the score.
    var score: Int {
        switch label {
        case "favor": return weight
        case "against": return -weight
        default: return 0
        }
    }

    /// Whether the cue still counts.
    var counts: Bool { score != 0 }
}

extension StanceText {
    /// The word index range `[start, end)` of the clause holding token `index`: bounded by clause
    /// breaks (commas, semicolons, spaced dashes) or the sentence ends.
    func clause(around index: Int) -> Range<Int> {
        var start = index
        while start > 0 && !isClauseBreak(start - 1) { start -= 1 }
        var end = index
        while end < tokens.count && !isClauseBreak(end) { end += 1 }
        return start..<end
    }

    /// The tokens from `index` up to the next clause break (exclusive) or the end.
    func clauseEnd(after index: Int) -> Int {
        var end = index + 1
        while end < tokens.count && !isClauseBreak(end) { end += 1 }
        return end
    }

    /// Indices of tokens whose key is `word`.
    func indices(of words: Set<String>) -> [Int] {
        tokens.indices.filter { tokens[$0].isWord && words.contains(tokens[$0].key) }
    }

    /// The first token index of a cue.
    func firstToken(of range: Range<Int>) -> Int { tokenIndex(atOrAfter: range.lowerBound) }
}
