import Foundation
import StandoffTestSupport
import Testing
@testable import StandoffCore

/// The annotator against hand-checked mentions of every sentence of the five articles in `raw/`.
///
/// `Fixtures/corpus-gold.jsonl` holds, per sentence, its text and the mentions a careful reader marks
/// (text, type, id). A mention counts as found only when text, type and id all agree; the test prints
/// precision and recall with counts and every miss, and fails below the floors.
@Suite("Entity annotation of the corpus")
struct EntityCorpusTests {
    static let fixture = "Tests/StandoffCoreTests/Annotate/Entities/Fixtures/corpus-gold.jsonl"

    struct GoldSentence: Decodable {
        var doc: String
        var sentence: Int
        var text: String
        var mentions: [[String]]
    }

    /// Per-document counts.
    struct Score {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        var line: String {
            String(format: "TP %d FP %d FN %d precision %.3f recall %.3f", truePositives, falsePositives, falseNegatives, precision, recall)
        }
    }

    static func gold() throws -> [String: [GoldSentence]] {
        let decoder = JSONDecoder()
        let lines = try Repository.text(fixture).split(separator: "\n")
        let sentences = try lines.map { try decoder.decode(GoldSentence.self, from: Data($0.utf8)) }
        return Dictionary(grouping: sentences, by: \.doc)
    }

    @Test func precisionAndRecallOnTheHandCheckedArticles() throws {
        let gold = try Self.gold()
        let documents = try EntityCorpus.documents()
        #expect(Set(documents.map(\.id)) == Set(gold.keys), "every raw article needs hand-checked mentions in \(Self.fixture)")

        var total = Score()
        var report: [String] = []
        for document in documents {
            let (mentions, _) = EntityFixture.annotate(document)
            #expect(EntityFixture.contractViolations(mentions, in: document).isEmpty)
            let expected = gold[document.id] ?? []
            #expect(expected.map(\.sentence) == document.sentences.map(\.index), "\(document.id): the fixture's sentences differ from the split; re-check them")
            var score = Score()
            for line in expected where document.sentences.indices.contains(line.sentence) {
                #expect(document.sentences[line.sentence].text == line.text, "\(document.id) s\(line.sentence): the sentence changed; re-check its mentions")
                var wanted = line.mentions.map { $0.joined(separator: " | ") }
                for mention in mentions where mention.sentenceIndex == line.sentence {
                    let key = [mention.text, mention.type, mention.entityID].joined(separator: " | ")
                    if let index = wanted.firstIndex(of: key) {
                        wanted.remove(at: index)
                        score.truePositives += 1
                    } else {
                        score.falsePositives += 1
                        report.append("  FP \(document.id) s\(line.sentence): \(key) (\(mention.rule))")
                    }
                }
                score.falseNegatives += wanted.count
                report += wanted.map { "  FN \(document.id) s\(line.sentence): \($0)" }
            }
            print("entities \(document.id): \(score.line)")
            total.truePositives += score.truePositives
            total.falsePositives += score.falsePositives
            total.falseNegatives += score.falseNegatives
        }
        print("entities all: \(total.line)\n" + report.joined(separator: "\n"))
        #expect(total.truePositives >= 450)
        #expect(total.precision >= 0.99, "precision \(total.precision)")
        #expect(total.recall >= 0.98, "recall \(total.recall)")
    }

    @Test func theMentionsPassValidationAndAreDeterministic() throws {
        for var document in try EntityCorpus.documents() {
            var diagnostics: [Diagnostic] = []
            let first = EntityFixture.annotator.mentions(in: document, diagnostics: &diagnostics)
            let second = EntityFixture.annotator.mentions(in: document, diagnostics: &diagnostics)
            #expect(first == second)
            document.mentions = first
            try Validate().apply(to: &document, diagnostics: &diagnostics)
            // Every bare name in these articles is settled by a full name in the same article.
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        }
    }
}
