/// A clause that calls what came before it wrong (`Some say talks are pointless; they are
/// mistaken.`, `Critics call a summit a reward, but that is nonsense.`) reverses the cues of the
/// clauses before it: the writer states the view only to reject it. The rebuttal's own words are
/// `rebuttal` lines in `stance-cues.jsonl`; they weigh nothing themselves, so a rebuttal with no
/// cue before it gives no label.
struct RebuttalRule: StanceOperator {
    static let description = StanceRuleDescription(
        identifier: "rebuttal",
        summary: "A rebuttal clause (they are wrong, that is nonsense) reverses the label of the cues in the clauses before it.",
        examples: [
            StanceRuleExample("Some say talks with Pyongyang are pointless; they are mistaken.", label: "favor"),
            StanceRuleExample("Some call a summit worth attempting, but they are wrong.", label: "against"),
            StanceRuleExample("They are wrong, and a summit is worth attempting.", label: "favor", fires: false),
        ]
    )

    func apply(to cues: inout [WorkingCue], in sentence: OperatorScan) -> [Range<Int>] {
        let text = sentence.text
        var triggers: [Range<Int>] = []
        for rebuttal in cues.indices where cues[rebuttal].kind == .rebuttal {
            let start = text.firstToken(of: cues[rebuttal].range)
            var changed = false
            for cue in cues.indices where cues[cue].counts {
                let first = text.firstToken(of: cues[cue].range)
                // Only a cue in an earlier clause: a break must stand between it and the rebuttal.
                guard first < start, ((first + 1)..<start).contains(where: text.isClauseBreak) else { continue }
                cues[cue].label = cues[cue].label == "favor" ? "against" : "favor"
                changed = true
            }
            if changed { triggers.append(cues[rebuttal].range) }
        }
        return triggers
    }
}
