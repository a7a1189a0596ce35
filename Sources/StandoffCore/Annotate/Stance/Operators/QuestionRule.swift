/// A question asks rather than argues: its cues give no label.
///
/// Rhetorical questions ("Why not talk?") are read as questions too; a correction can set such a
/// sentence's label by hand.
struct QuestionRule: StanceOperator {
    static let description = StanceRuleDescription(
        identifier: "question",
        summary: "A sentence ending in a question mark asks rather than argues, so its cues give no label.",
        examples: [
            StanceRuleExample("Would a summit be a good idea for Tokyo?", label: "none"),
            StanceRuleExample("Is a summit with Pyongyang worth attempting?", label: "none"),
            StanceRuleExample("A summit would be a good idea for Tokyo.", label: "favor", fires: false),
        ]
    )

    func apply(to cues: inout [WorkingCue], in sentence: OperatorScan) -> [Range<Int>] {
        guard let mark = sentence.questionMark, cues.contains(where: \.counts) else { return [] }
        for index in cues.indices where cues[index].counts {
            cues[index].label = "none"
            cues[index].weight = 0
        }
        return [mark..<(mark + 1)]
    }
}
