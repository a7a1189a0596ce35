/// In "X, but Y" the clause after `but` carries the writer's point, and a concession ("while X, Y",
/// "although X", "despite X", "even if X") yields to the main clause: when both sides hold cues,
/// only the dominant side's cues count.
///
/// Coordinating markers (`but`, `however`, `yet` after a comma, `nevertheless`, `nonetheless`) make
/// everything before them the conceded side; a sentence that opens with one contrasts with the
/// previous sentence and is left alone. Subordinating markers (`while`, `although`, `though`,
/// `even though`, `even if`, `despite`, `whereas`) concede their clause, up to the next comma.
struct ContrastRule: StanceOperator {
    static let description = StanceRuleDescription(
        identifier: "contrast",
        summary: "After but/however, or outside a while/although/despite clause, the dominant clause's cues outweigh the conceded ones.",
        examples: [
            StanceRuleExample("Talks with Pyongyang may seem pointless, but they are worth attempting.", label: "favor"),
            StanceRuleExample("While a summit is worth attempting in principle, talks now would only reward Pyongyang.", label: "against"),
            StanceRuleExample("Although a summit is worth attempting, Tokyo should not hold one now.", label: "against"),
            StanceRuleExample("But a summit with Pyongyang is worth attempting.", label: "favor", fires: false),
        ]
    )

    static let coordinating: WordSet = ["but", "however", "nevertheless", "nonetheless"]
    static let subordinating: WordSet = ["while", "although", "though", "whereas", "despite"]

    func apply(to cues: inout [WorkingCue], in sentence: OperatorScan) -> [Range<Int>] {
        let text = sentence.text
        let (conceded, markers) = (sentence.conceded, sentence.contrastMarkers)
        guard !markers.isEmpty else { return [] }
        let isConceded = { (cue: WorkingCue) in conceded.contains(text.firstToken(of: cue.range)) }
        guard cues.contains(where: { $0.counts && !isConceded($0) }), cues.contains(where: { $0.counts && isConceded($0) }) else { return [] }
        for index in cues.indices where cues[index].counts && isConceded(cues[index]) {
            cues[index].label = "none"
            cues[index].weight = 0
        }
        return markers.map { text.tokens[$0].start..<text.tokens[$0].end }
    }

    /// Token indices on the conceded side, and the markers that made them so.
    static func concededTokens(in text: StanceText) -> (Set<Int>, [Int]) {
        let tokens = text.tokens
        var conceded: Set<Int> = []
        var markers: [Int] = []
        var lastCoordinating: Int?
        for index in tokens.indices where tokens[index].isWord {
            let key = tokens[index].key
            let previous = index > 0 ? tokens[index - 1].key : ""
            let next = index + 1 < tokens.count ? tokens[index + 1].key : ""
            // A sentence-initial `But` answers the previous sentence; `not only … but also` adds.
            if (coordinating.contains(key) || (key == "yet" && previous == ",")) && index > 0 && next != "also" {
                lastCoordinating = index
            } else if subordinating.contains(key) || (key == "if" && previous == "even") || (key == "though" && previous == "even") {
                let start = key == "if" || (key == "though" && previous == "even") ? index - 1 : index
                let end = text.clauseEnd(after: index)
                conceded.formUnion(start..<end)
                markers.append(start)
            }
        }
        if let lastCoordinating {
            conceded.formUnion(0..<lastCoordinating)
            markers.append(lastCoordinating)
        }
        return (conceded, markers.sorted())
    }
}
