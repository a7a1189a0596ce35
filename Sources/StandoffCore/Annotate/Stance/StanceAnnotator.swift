/// Labels every sentence's stance toward every target: `favor`, `against` or `none`, who holds it,
/// which rules fired and the words that made them fire.
///
/// For each target, sentences are read in order with a running topic (``RunningTopic``): a
/// sentence that names the target's talks (``TargetDetector``) makes them the document's topic,
/// one that names someone else's talks sets them aside for the rest of its paragraph. A sentence
/// is on target when it names the target's talks, names talks without saying whose while the
/// topic is the target's (`the summit`, `such a meeting`, `talks`), or holds a favor or against
/// cue while it is (`it`, `this`, `going there`).
///
/// On an on-target sentence the cues of `stance-cues.jsonl` are found, the operators act on them
/// in order (question, conditional, contrast, negation, rebuttal, then hedges), and the label is the sign of
/// the score: favor cue weights minus against cue weights. Off target the label is `none`. The
/// holder is found independently of the target (``HolderResolver``). A rule is recorded as
/// decisive for a row when switching it off alone would change the label.
public struct StanceAnnotator: Sendable {
    /// The holder of a sentence no one else is quoted or reported in.
    public static let author = "author"
    /// The holder of a sentence that reports a speaker no one names (`critics say`, `one official said`).
    public static let unnamed = "unnamed"
    /// The labels, in the order tables and statistics list them.
    public static let labels = ["favor", "against", "none"]

    /// The rules written in code, with their examples.
    public static let codeRules: [StanceRuleDescription] = [
        TargetDetector.named, TargetDetector.implied, TargetDetector.running,
        QuestionRule.description, ConditionalRule.description, ContrastRule.description, NegationRule.description, RebuttalRule.description,
        HedgeRule.description,
        HolderResolver.quoteContinuation,
    ]

    /// Their identifiers, which rule files may not reuse.
    static var codeRuleIDs: [String] { codeRules.map(\.identifier) }

    /// The operators, in the order they act.
    static let operators: [any StanceOperator] = [QuestionRule(), ConditionalRule(), ContrastRule(), NegationRule()]

    /// The rules the annotator applies.
    public let rules: StanceRules
    let holders: HolderResolver

    /// Creates an annotator.
    public init(rules: StanceRules) {
        self.rules = rules
        self.holders = HolderResolver(rules: rules.holders)
    }

    /// What one sentence holds, whatever the target.
    struct SentenceFacts {
        let text: StanceText
        let mentions: [SentenceMention]
        /// Found only for a sentence on target, or when the running topic asks (see ``stances(in:)``).
        var cues: [WorkingCue] = []
        var hedges: [(rule: String, range: Range<Int>)] = []
        let holder: HolderResolver.Found
    }

    /// One stance row per sentence and target, sorted by sentence then target, for a document whose
    /// `sentences` and `mentions` are set.
    public func stances(in document: Document) -> [Stance] {
        guard !rules.compiledTargets.isEmpty else { return [] }
        var mentionsBySentence: [Int: [SentenceMention]] = [:]
        for mention in document.mentions {
            let offset = document.sentences[mention.sentenceIndex].start
            mentionsBySentence[mention.sentenceIndex, default: []].append(
                SentenceMention(range: (mention.start - offset)..<(mention.end - offset), entityID: mention.entityID, type: mention.type,
                                country: mention.country))
        }

        var memory = HolderResolver.Memory()
        var facts: [SentenceFacts] = []
        for sentence in document.sentences {
            let text = StanceText(sentence.text, filter: rules.filter)
            let mentions = mentionsBySentence[sentence.index] ?? []
            let holder = holders.holder(of: text, paragraph: sentence.paragraph, mentions: mentions, memory: memory)
            if holder.holder != Self.author, let type = holder.type { memory.speakers.append((holder.holder, type)) }
            memory.mentions += mentions.map { ($0.entityID, $0.type) }
            memory.previous = (sentence.paragraph, holder)
            facts.append(SentenceFacts(text: text, mentions: mentions, holder: holder))
        }

        // Most sentences are off target, and finding cues is most of the work: they are found
        // when the running topic asks for them or the sentence is on target, once for all targets.
        var found: [([WorkingCue], [(rule: String, range: Range<Int>)])?] = Array(repeating: nil, count: facts.count)
        func cues(_ index: Int) -> ([WorkingCue], [(rule: String, range: Range<Int>)]) {
            if let known = found[index] { return known }
            let result = findCues(in: facts[index].text)
            found[index] = result
            return result
        }
        var stances: [Stance] = []
        for target in rules.compiledTargets {
            let detector = TargetDetector(target: target)
            var topic = RunningTopic()
            for (index, sentence) in document.sentences.enumerated() {
                var fact = facts[index]
                let (reference, partiesNamed, namesThirdCountry) = detector.read(fact.text, mentions: fact.mentions)
                let targetRule = topic.read(reference, parties: partiesNamed, namesThirdCountry: namesThirdCountry, paragraph: sentence.paragraph,
                                            hasCue: cues(index).0.contains { $0.counts && $0.weight >= RunningTopic.clearWeight })
                // Off target, no cue is read.
                if targetRule != nil { (fact.cues, fact.hedges) = cues(index) }
                stances.append(stance(sentence: sentence, target: target.target.id, targetRule: targetRule, fact: fact))
            }
        }
        return stances.sorted { ($0.sentenceIndex, $0.target) < ($1.sentenceIndex, $1.target) }
    }

    /// The cues and hedges of `stance-cues.jsonl` found in a sentence; overlapping cues keep the longest, then the first.
    func findCues(in text: StanceText) -> ([WorkingCue], [(rule: String, range: Range<Int>)]) {
        var candidates: [WorkingCue] = []
        var hedges: [(rule: String, range: Range<Int>)] = []
        // By index: copying each cue and pattern (strings and arrays) cost more than looking them up.
        for cueIndex in rules.compiledCues.indices {
            for patternIndex in rules.compiledCues[cueIndex].patterns.indices {
                let ranges = text.matches(of: rules.compiledCues[cueIndex].patterns[patternIndex])
                guard !ranges.isEmpty else { continue }
                let cue = rules.compiledCues[cueIndex]
                for range in ranges {
                    switch cue.kind {
                    case .hedge:
                        hedges.append((cue.rule.id, range))
                    case .favor, .against, .feasibility, .rebuttal:
                        candidates.append(WorkingCue(rule: cue.rule.id, kind: cue.kind, range: range,
                                                     label: cue.kind == .favor || cue.kind == .against ? cue.kind.rawValue : "none", weight: cue.rule.weight ?? 0))
                    }
                }
            }
        }
        var selected: [WorkingCue] = []
        for candidate in candidates.sorted(by: { ($1.range.count, $0.range.lowerBound) < ($0.range.count, $1.range.lowerBound) })
        where !selected.contains(where: { $0.range.overlaps(candidate.range) }) {
            selected.append(candidate)
        }
        return (selected.sorted { $0.range.lowerBound < $1.range.lowerBound }, hedges.sorted { $0.range.lowerBound < $1.range.lowerBound })
    }

    /// What the rules make of an on-target sentence with `disabled` rules switched off.
    struct Decision {
        var label: String
        var score: Int
        var cues: [WorkingCue]
        var fired: [(rule: String, ranges: [Range<Int>])]
    }

    /// The decision on `fact`, whose words `scan` holds, with rule `disabled` (if any) switched off.
    func decide(_ fact: SentenceFacts, _ scan: OperatorScan, disabled: String?) -> Decision {
        var cues = fact.cues.filter { $0.rule != disabled }
        var fired: [(rule: String, ranges: [Range<Int>])] = []
        for op in Self.operators where type(of: op).description.identifier != disabled {
            let triggers = op.apply(to: &cues, in: scan)
            if !triggers.isEmpty { fired.append((type(of: op).description.identifier, triggers)) }
        }
        if disabled != RebuttalRule.description.identifier {
            let triggers = RebuttalRule().apply(to: &cues, in: scan)
            if !triggers.isEmpty { fired.append((RebuttalRule.description.identifier, triggers)) }
        }
        let hedge = HedgeRule(hedges: fact.hedges.filter { $0.rule != disabled })
        for (rule, range) in hedge.applyHedges(to: &cues, in: fact.text) {
            if let index = fired.firstIndex(where: { $0.rule == rule }) { fired[index].ranges.append(range) } else { fired.append((rule, [range])) }
        }
        let score = cues.reduce(0) { $0 + $1.score }
        return Decision(label: score > 0 ? "favor" : score < 0 ? "against" : "none", score: score, cues: cues, fired: fired)
    }

    /// The row for one sentence and target.
    func stance(sentence: Sentence, target: String, targetRule: (id: String, spans: [Range<Int>])?, fact: SentenceFacts) -> Stance {
        var rules: [String] = []
        var cues: [StanceCue] = []
        func add(_ rule: String, _ range: Range<Int>, label: String?) {
            cues.append(StanceCue(start: sentence.start + range.lowerBound, end: sentence.start + range.upperBound,
                                  text: fact.text.text(range.lowerBound, range.upperBound), rule: rule, label: label))
        }
        var label = "none"
        var score = 0
        var decisive: [String] = []
        var holder = fact.holder.holder
        if let targetRule {
            rules.append(targetRule.id)
            for span in targetRule.spans { add(targetRule.id, span, label: nil) }
        }
        // Without cues no operator acts and no hedge fires: the label stays `none`.
        if let targetRule, !fact.cues.isEmpty {
            let scan = OperatorScan(fact.text)
            let decision = decide(fact, scan, disabled: nil)
            label = decision.label
            score = decision.score
            for cue in decision.cues {
                if !rules.contains(cue.rule) { rules.append(cue.rule) }
                add(cue.rule, cue.range, label: cue.label)
            }
            for (rule, ranges) in decision.fired {
                rules.append(rule)
                for range in ranges { add(rule, range, label: nil) }
                // `Critics say X; they are wrong`: the one who rebuts the reported view is the writer.
                if rule == RebuttalRule.description.identifier, let rebuttal = ranges.first?.lowerBound,
                   fact.holder.fired.allSatisfy({ $0.range.lowerBound < rebuttal }) {
                    holder = Self.author
                }
            }
            // Without the target rule the sentence is off target and `none`.
            if label != "none" { decisive.append(targetRule.id) }
            for rule in rules.dropFirst() where decide(fact, scan, disabled: rule).label != label {
                decisive.append(rule)
            }
        }
        for (rule, range) in fact.holder.fired {
            if !rules.contains(rule) { rules.append(rule) }
            add(rule, range, label: nil)
        }
        cues.sort { ($0.start, $0.end, $0.rule) < ($1.start, $1.end, $1.rule) }
        return Stance(sentenceIndex: sentence.index, target: target, label: label, holder: holder, rules: rules,
                      cues: cues, score: score, decisive: decisive)
    }
}
