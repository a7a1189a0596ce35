/// A negation shortly before a cue, in the same clause, reverses it: "not counterproductive" argues
/// for talks, "not worth attempting" against. Reasons declared invalid reverse too: "not a valid
/// reason to oppose" and "a bad reason to oppose" both argue for what is opposed.
///
/// The scope is the next four words after the negation, inside its clause; a negating determiner
/// (`no`, `without`, `nothing`) reaches no further than the next verb; idioms (`no doubt`, `not
/// only`) negate nothing; a negation inside a cue's own words (`should not`) belongs to the cue.
/// Two negations cancel.
struct NegationRule: StanceOperator {
    static let description = StanceRuleDescription(
        identifier: "negation",
        summary: "A negation or an invalidated reason up to four words before a cue, in the same clause, reverses the cue's label.",
        examples: [
            StanceRuleExample("Fears of a wedge are not a valid reason to oppose a summit with Pyongyang.", label: "favor"),
            StanceRuleExample("Such worries are a bad reason to oppose talks with Pyongyang.", label: "favor"),
            StanceRuleExample("Talks with Pyongyang are not counterproductive.", label: "favor"),
            StanceRuleExample("A summit with Pyongyang is not worth attempting.", label: "against"),
            StanceRuleExample("Even failed talks would not make the situation any worse.", label: "favor"),
            StanceRuleExample("Tokyo will leave no stone unturned, and a summit would help both sides.", label: "favor", fires: false),
            StanceRuleExample("A summit without conditions would be a reward for Pyongyang.", label: "against", fires: false),
            StanceRuleExample("Tokyo should not hold talks with Pyongyang.", label: "against", fires: false),
        ]
    )

    /// Words that negate what follows.
    static let negators: WordSet = ["not", "no", "never", "cannot", "nothing", "neither", "nor", "without", "hardly", "barely", "little"]
    /// Negators that negate the noun phrase they open, so their scope ends at the next verb.
    static let determiners: WordSet = ["no", "without", "nothing", "neither", "nor", "little"]
    /// Auxiliaries and copulas that start the verb of a clause.
    static let auxiliaries: WordSet = ["is", "are", "was", "were", "be", "been", "would", "will", "could", "can", "should", "must", "may", "might", "has", "have", "had", "does", "do", "did"]
    /// Words that, right after a negator, make an idiom that negates nothing after it.
    static let idiomatic: WordSet = ["doubt", "matter", "only", "stone", "less", "least", "wonder"]
    /// Adjectives that, before a reason-like noun, declare the reason invalid.
    static let invalidating: WordSet = ["bad", "poor", "weak", "invalid", "flimsy", "false", "wrong", "unconvincing"]
    static let reasons: WordSet = ["reason", "reasons", "argument", "arguments", "excuse", "excuses", "grounds", "case", "basis", "rationale"]
    /// Words between a negation and its cue.
    static let scope = 4

    /// Token indices of the words that negate what follows: negators, and invalidating
    /// adjectives before a reason.
    static func negations(in text: StanceText) -> [Int] {
        let tokens = text.tokens
        var negations: [Int] = []
        for index in tokens.indices where tokens[index].isWord {
            let key = tokens[index].key
            if negators.contains(key) || key.hasSuffix("n't") {
                // `no doubt`, `not only`, `no stone unturned` negate nothing that follows.
                if index + 1 < tokens.count, idiomatic.contains(tokens[index + 1].key) { continue }
                negations.append(index)
            } else if invalidating.contains(key), index + 1 < tokens.count, reasons.contains(tokens[index + 1].key) {
                negations.append(index)
            }
        }
        return negations
    }

    func apply(to cues: inout [WorkingCue], in sentence: OperatorScan) -> [Range<Int>] {
        let text = sentence.text
        let tokens = text.tokens
        // A negation inside a cue's own words belongs to the cue.
        let negations = sentence.negations.filter { index in !cues.contains { $0.range.contains(tokens[index].start) } }
        guard !negations.isEmpty else { return [] }
        var triggers: Set<Int> = []
        for cue in cues.indices where cues[cue].counts {
            let first = text.firstToken(of: cues[cue].range)
            let scoped = negations.filter { negation in
                guard negation < first else { return false }
                let between = tokens[(negation + 1)..<first]
                // `without preconditions would be a mistake`: a negating determiner governs its noun, not the verb after it.
                if Self.determiners.contains(tokens[negation].key) && between.contains(where: { Self.auxiliaries.contains($0.key) }) { return false }
                return between.filter(\.isWord).count <= Self.scope && !((negation + 1)..<first).contains(where: text.isClauseBreak)
            }
            guard !scoped.isEmpty else { continue }
            triggers.formUnion(scoped)
            if scoped.count % 2 == 1 {
                cues[cue].label = cues[cue].label == "favor" ? "against" : "favor"
            }
        }
        return triggers.sorted().map { tokens[$0].start..<tokens[$0].end }
    }
}
