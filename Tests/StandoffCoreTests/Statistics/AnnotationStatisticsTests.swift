import Testing
@testable import StandoffCore

/// Counts, ranking and rendering of the annotation statistics over hand-made documents.
@Suite("Annotation statistics")
struct AnnotationStatisticsTests {
    /// A document whose mentions are given as `type id` pairs (names are the ids upper-cased).
    static func document(_ id: String, _ mentions: [String], stances: [String] = []) -> Document {
        var document = Document(id: id, sourceFile: "raw/\(id).txt", rawBytes: [])
        document.mentions = mentions.enumerated().map { position, pair in
            let parts = pair.split(separator: " ").map(String.init)
            var mention = Mention(sentenceIndex: 0, start: position, end: position + 1, text: "x", type: parts[0],
                                  entityID: parts[1], entityName: parts[1].uppercased(), rule: parts[1])
            mention.country = parts[1] == "tokyo" ? "japan" : nil
            return mention
        }
        document.stances = stances.enumerated().map { Stance(sentenceIndex: $0.offset, target: "t", label: $0.element, holder: "author", rules: []) }
        return document
    }

    static var statistics: AnnotationStatistics {
        var statistics = AnnotationStatistics()
        statistics.add(document("b", ["GPE japan", "NORP japan", "PERSON abe", "GPE tokyo", "PERSON abe"], stances: ["favor", "none", "none"]))
        statistics.add(document("a", ["GPE japan", "ORG un", "PERSON kim", "PERSON abe"], stances: ["against"]))
        return statistics
    }

    @Test func countsMentionsAndEntitiesPerType() {
        let statistics = Self.statistics
        #expect(statistics.mentionsByType == ["GPE": 3, "NORP": 1, "PERSON": 4, "ORG": 1])
        #expect(statistics.entitiesByType.mapValues(\.count) == ["GPE": 2, "NORP": 1, "PERSON": 2, "ORG": 1])
        #expect(statistics.mentionCount == 9)
        #expect(statistics.stanceLabels == ["t": ["favor": 1, "none": 2, "against": 1]])
    }

    @Test func ranksByMentionsThenDocumentsThenID() {
        let top = Self.statistics.topEntities
        // japan: 3 mentions (GPE and NORP share the id); abe: 3; both in 2 documents, so the id decides.
        #expect(top.map(\.id) == ["abe", "japan", "kim", "tokyo", "un"])
        #expect(top[1].types == ["GPE", "NORP"])
        #expect(top[1].documents == 2)
        #expect(top.first { $0.id == "tokyo" }?.country == "japan")
    }

    @Test func keepsEachDocumentsTopEntities() {
        let documents = Self.statistics.documents
        #expect(documents.map(\.documentID) == ["b", "a"])
        #expect(documents[0].entities.map { "\($0.id) \($0.mentions)" } == ["abe 2", "japan 2", "tokyo 1"])
        #expect(documents[0].mentions == 5)
    }

    @Test func rendersMarkdownAndJSONInDocumentOrder() {
        let markdown = Self.statistics.markdown()
        #expect(markdown.contains("| PERSON | 4 | 2 |"))
        #expect(markdown.contains("| all | 9 | 5 |"))
        #expect(markdown.contains("| ABE | abe | PERSON | – | 3 | 2 |"))
        #expect(markdown.contains("| a | 4 | ABE (1), JAPAN (1), KIM (1), UN (1) |\n| b | 5 |"))
        #expect(markdown.contains("| t | 1 | 1 | 2 |"))
        let json = Self.statistics.json.rendered
        #expect(json.hasPrefix(#"{"documents":[{"doc_id":"a""#))
        #expect(json.contains(#""mentions_by_type":{"GPE":3,"NORP":1,"ORG":1,"PERSON":4}"#))
    }

    @Test func saysSoWhenThereIsNothingToCount() {
        let markdown = AnnotationStatistics().markdown(level: 3)
        #expect(markdown.contains("### Mentions per type\n\nNo mentions."))
        #expect(markdown.contains("No stance rows."))
    }

    /// The per-document table is listed up to the limit and replaced by a pointer to the table above it.
    @Test(arguments: [(Int.max, true), (3, true), (2, false)])
    func perDocumentTableOnlyUpToTheLimit(_ limit: Int, listed: Bool) {
        var statistics = Self.statistics
        statistics.add(Self.document("c", ["GPE japan"]))
        let markdown = statistics.markdown(documentLimit: limit)
        #expect(markdown.contains("| document | mentions | top entities (mentions) |") == listed)
        #expect(markdown.contains("| c | 1 | JAPAN (1) |") == listed)
        #expect(markdown.contains("this one has 3: see `data/mentions.csv`") == !listed)
        // The corpus-wide tables stay either way.
        #expect(markdown.contains("| all | 10 | 5 |"))
    }
}
