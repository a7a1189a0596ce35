import Testing
@testable import StandoffCore

@Suite("Document stance and rule statistics")
struct DocumentStanceTests {
    static func rows(_ labels: [(String, String)]) -> [Stance] {
        labels.enumerated().map { Stance(sentenceIndex: $0, target: "t", label: $1.0, holder: $1.1, rules: []) }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let rows: [Stance]
        let label: String
        let counts: [Int]
        var testDescription: String { "\(rows.map { "\($0.label)/\($0.holder)" }) → \(label)" }
    }

    static let cases: [Case] = [
        Case(rows: rows([("favor", "author"), ("none", "author"), ("against", "author"), ("favor", "author")]), label: "favor", counts: [2, 1, 1]),
        Case(rows: rows([("against", "author"), ("favor", "kim-yo-jong"), ("favor", "kim-yo-jong")]), label: "against", counts: [0, 1, 0]),
        Case(rows: rows([("favor", "author"), ("against", "author")]), label: "none", counts: [1, 1, 0]),
        Case(rows: rows([("none", "author"), ("favor", "shinzo-abe")]), label: "none", counts: [0, 0, 1]),
        Case(rows: [], label: "none", counts: [0, 0, 0]),
    ]

    @Test(arguments: cases)
    func onlyTheAuthorsSentencesCount(_ testCase: Case) {
        var rows = testCase.rows
        rows.append(Stance(sentenceIndex: 99, target: "other", label: "against", holder: "author", rules: []))
        let stance = DocumentStance.aggregate(rows, target: "t")
        #expect(stance.label == testCase.label)
        #expect([stance.favor, stance.against, stance.none] == testCase.counts)
    }

    @Test func statisticsCountCoverageOverlapsConflictsAndDecisions() throws {
        var document = Document(id: "d", sourceFile: "raw/d.txt", rawBytes: [])
        func cue(_ rule: String, _ label: String?) -> StanceCue { StanceCue(start: 0, end: 1, text: "x", rule: rule, label: label) }
        document.stances = [
            // worth-pursuing and oppose disagree; worth-pursuing decided.
            Stance(sentenceIndex: 0, target: "japan-dprk-dialogue", label: "favor", holder: "author", rules: ["target-named", "worth-pursuing", "oppose"],
                   cues: [cue("worth-pursuing", "favor"), cue("oppose", "against")], score: 2, decisive: ["target-named", "worth-pursuing"]),
            // worth-pursuing and good-idea agree; neither alone decides.
            Stance(sentenceIndex: 1, target: "japan-dprk-dialogue", label: "favor", holder: "author", rules: ["target-implied", "worth-pursuing", "good-idea"],
                   cues: [cue("worth-pursuing", "favor"), cue("good-idea", "favor")], score: 5, decisive: ["target-implied"]),
            Stance(sentenceIndex: 2, target: "japan-dprk-dialogue", label: "none", holder: "author", rules: []),
            Stance(sentenceIndex: 3, target: "japan-dprk-dialogue", label: "none", holder: "author", rules: ["worth-pursuing", "correction"], source: "correction"),
        ]
        var statistics = StanceRuleStatistics(rules: StanceFixture.rules)
        statistics.add(document)
        let rows = Dictionary(uniqueKeysWithValues: statistics.rows.map { ($0.rule, $0) })
        #expect(statistics.stanceRows == 4)
        let worth = try #require(rows["worth-pursuing"])
        #expect([worth.fired, worth.overlaps, worth.agreements, worth.conflicts, worth.decided] == [2, 2, 1, 1, 1])
        let oppose = try #require(rows["oppose"])
        #expect([oppose.fired, oppose.overlaps, oppose.agreements, oppose.conflicts, oppose.decided] == [1, 1, 0, 1, 0])
        #expect(rows["target-named"]?.decided == 1 && rows["target-implied"]?.fired == 1)
        #expect(rows["feasibility"]?.fired == 0, "rules that never fire are listed")
        #expect(statistics.coverage(worth) == "50.0%")
        #expect(statistics.markdown.contains("| `worth-pursuing` | favor cue | 2 | 50.0% | 2 | 1 | 1 | 1 |"))
        #expect(statistics.markdown.contains("| `negation` | operator | 0 | 0.0% | 0 | – | – | 0 |"))
    }
}
