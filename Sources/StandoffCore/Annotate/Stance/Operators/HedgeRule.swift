/// A hedge (`may`, `perhaps`, `arguably`; the words are `hedge` lines in `stance-cues.jsonl`)
/// shortly before the nearest cue in the same clause weakens that cue by one, never below one: a hedged view is
/// still a view, but a firm one outweighs it.
///
/// The hedge fires under its own line's id, so statistics show which hedge words matter.
struct HedgeRule: DescribedStanceRule {
    static let description = StanceRuleDescription(
        identifier: "hedge",
        summary: "A hedge word up to six words before the nearest cue, in the same clause, lowers that cue's weight by one (never below one).",
        examples: [
            StanceRuleExample("Talks with Pyongyang might be worth attempting.", label: "favor"),
            // Unhedged, the recommendation (3) outweighs the objection (2); hedged, they balance.
            StanceRuleExample("Talks would perhaps be worth attempting and would only reward Pyongyang.", label: "none"),
            StanceRuleExample("Talks with Pyongyang are worth attempting.", label: "favor", fires: false),
        ]
    )

    /// Words between a hedge and its cue.
    static let scope = 6

    /// Hedge hits: the hedge line's id and its code-point range in the sentence.
    let hedges: [(rule: String, range: Range<Int>)]

    /// Applies the hedges; returns the ids and spans of those that lowered a cue.
    func applyHedges(to cues: inout [WorkingCue], in text: StanceText) -> [(rule: String, range: Range<Int>)] {
        var fired: [(rule: String, range: Range<Int>)] = []
        for hedge in hedges {
            let last = text.tokenIndex(before: hedge.range.upperBound)
            var changed = false
            // The nearest counting cue after the hedge, in its clause and scope.
            let nearest = cues.indices.filter { cue in
                let first = text.firstToken(of: cues[cue].range)
                return cues[cue].counts && last < first && text.tokens[(last + 1)..<first].filter(\.isWord).count <= Self.scope
                    && !((last + 1)..<first).contains(where: text.isClauseBreak)
            }.min { cues[$0].range.lowerBound < cues[$1].range.lowerBound }
            if let nearest, cues[nearest].weight > 1 {
                cues[nearest].weight -= 1
                changed = true
            }
            if changed { fired.append(hedge) }
        }
        return fired
    }
}
