/// A cue inside a condition (`if`, `unless`, `whether`, `as long as`) states no view: the clause
/// says under what circumstances something holds, not that it does.
///
/// The condition runs from its word to the next comma, semicolon or spaced dash, or to the end of
/// the sentence, so both "If talks help, …" and "… only if talks help" are covered. `even if` is a
/// concession, handled by ``ContrastRule``.
struct ConditionalRule: StanceOperator {
    static let description = StanceRuleDescription(
        identifier: "conditional",
        summary: "Cues inside an if, unless, whether or as-long-as clause give no label.",
        examples: [
            StanceRuleExample("Tokyo will act only if talks prove worth attempting.", label: "none"),
            StanceRuleExample("It is unclear whether a summit would be worth attempting.", label: "none"),
            StanceRuleExample("If the talks stall, a summit is still worth attempting.", label: "favor", fires: false),
        ]
    )

    /// Words that open a condition; `as long as`, `provided that` and `in case` are matched by their last word.
    static let openers: WordSet = ["if", "unless", "whether", "provided", "providing"]

    func apply(to cues: inout [WorkingCue], in sentence: OperatorScan) -> [Range<Int>] {
        let text = sentence.text
        var triggers: [Range<Int>] = []
        for index in sentence.conditionStarts {
            let end = text.clauseEnd(after: index)
            var changed = false
            for cue in cues.indices where cues[cue].counts {
                let first = text.firstToken(of: cues[cue].range)
                if first > index && first < end {
                    cues[cue].label = "none"
                    cues[cue].weight = 0
                    changed = true
                }
            }
            if changed { triggers.append(text.tokens[index].start..<text.tokens[index].end) }
        }
        return triggers
    }

    /// Token indices of the words that open a condition.
    static func conditionStarts(in text: StanceText) -> [Int] {
        let tokens = text.tokens
        var starts: [Int] = []
        for index in tokens.indices where tokens[index].isWord {
            let key = tokens[index].key
            let previous = index > 0 ? tokens[index - 1].key : ""
            let beforePrevious = index > 1 ? tokens[index - 2].key : ""
            if openers.contains(key) {
                // `even if` concedes; `as if` compares.
                if key == "if" && (previous == "even" || previous == "as") { continue }
                starts.append(index)
            } else if key == "as", previous == "long", beforePrevious == "as" {
                starts.append(index)
            } else if key == "case", previous == "in", index + 1 < tokens.count, tokens[index + 1].key != "of" {
                starts.append(index)
            }
        }
        return starts
    }
}
