import Testing
@testable import StandoffCore

/// Scoring against gold labels, on documents built in code so each count can be checked by hand.
@Suite("Gold evaluation")
struct GoldEvaluationTests {
    /// A document as the pipeline would leave it: paragraphs from raw lines, sentences, mentions, stances.
    static func document(_ id: String, paragraphs: [(lines: [Int], sentences: [String])], removed: [(Int, String)] = [],
                         metadata: DocumentMetadata = DocumentMetadata(), mentions: [(sentence: Int, text: String, type: String, id: String)] = [],
                         stances: [Int: String] = [:]) -> Document {
        var document = Document(id: id, sourceFile: id + ".txt", rawBytes: [])
        var offset = 0
        for (position, paragraph) in paragraphs.enumerated() {
            if position > 0 { offset += 2 }
            let text = paragraph.sentences.joined(separator: " ")
            let start = offset
            for sentence in paragraph.sentences {
                let length = sentence.unicodeScalars.count
                document.sentences.append(Sentence(index: document.sentences.count, paragraph: position, start: offset, end: offset + length, text: sentence))
                offset += length + 1
            }
            offset = start + text.unicodeScalars.count
            document.paragraphs.append(Paragraph(text: text, start: start, end: offset, lines: paragraph.lines))
        }
        document.removed = removed.map { RemovedLine(line: $0.0, text: "line \($0.0)", reason: $0.1) }
        document.metadata = metadata
        for mention in mentions {
            document.mentions.append(Mention(sentenceIndex: mention.sentence, start: 0, end: 0, text: mention.text, type: mention.type,
                                             entityID: mention.id, entityName: mention.id, rule: "test"))
        }
        for sentence in document.sentences {
            document.stances.append(Stance(sentenceIndex: sentence.index, target: "t", label: stances[sentence.index] ?? "none",
                                           holder: "author", rules: [], cues: [], score: 0, decisive: []))
        }
        return document
    }

    static let gold = GoldDocument(
        doc: "a", title: "Leaders Meet", authors: ["Ana Lima"], publication: "The Ledger", published: "2024-05-02",
        lines: [GoldDocument.Line(1, .boilerplate), GoldDocument.Line(2, .title), GoldDocument.Line(3, .body),
                GoldDocument.Line(4, .body), GoldDocument.Line(5, .boilerplate)],
        sentences: [
            GoldSentence(text: "Kim met Abe. ", stance: "none",
                         entities: [GoldMention(text: "Kim", type: "PERSON", canonical: "Kim Jong Un"), GoldMention(text: "Abe", type: "PERSON", canonical: "Shinzo Abe")]),
            GoldSentence(text: "Talks should go on.", stance: "favor"),
            GoldSentence(text: "Kim left.", stance: "none", entities: [GoldMention(text: "Kim", type: "PERSON", canonical: "Kim Jong Un")]),
            GoldSentence(text: "A summit now would be a mistake.", stance: "against"),
        ])

    static let found = document("a",
        paragraphs: [(lines: [3], sentences: ["Kim met Abe.", "Talks should go on."]),
                     (lines: [4], sentences: ["Kim left. A summit now would be a mistake."]),
                     (lines: [5], sentences: ["Share this"])],
        removed: [(1, "navigation-label"), (2, "headline")],
        metadata: DocumentMetadata(title: "Leaders  Meet", authors: ["Ana Lima"], publication: nil, published: "2024-05-02"),
        mentions: [(0, "Kim", "PERSON", "kim"), (0, "Abe", "PERSON", "kim"), (0, "Abe", "GPE", "abe")],
        stances: [1: "favor"])

    @Test func linesAreScoredByBodyRole() {
        let evaluation = GoldEvaluation(documents: [Self.found], gold: [Self.gold], target: "t")
        #expect(evaluation.lines == Score(tp: 2, fp: 1, fn: 0))
        #expect(evaluation.keptByRole["boilerplate"] == Tally(right: 1, total: 2))
        #expect(evaluation.keptByRole["title"] == Tally(right: 0, total: 1))
    }

    @Test func metadataComparesFoldedText() {
        let evaluation = GoldEvaluation(documents: [Self.found], gold: [Self.gold], target: "t")
        #expect(evaluation.metadata["title"] == Tally(right: 1, total: 1), "white space folded")
        #expect(evaluation.metadata["publication"] == Tally(right: 0, total: 1))
        #expect(evaluation.metadata["all"] == Tally(right: 3, total: 4))
        #expect(evaluation.metadataErrors.map(\.field) == ["publication"])
    }

    /// The second paragraph holds two gold sentences the splitter left as one: one missed boundary.
    @Test func boundariesInsideParagraphsOfGoldText() {
        let evaluation = GoldEvaluation(documents: [Self.found], gold: [Self.gold], target: "t")
        #expect(evaluation.paragraphsCompared == Tally(right: 2, total: 3), "the 'Share this' paragraph is not gold text")
        #expect(evaluation.boundaries == Score(tp: 1, fp: 0, fn: 1))
        #expect(evaluation.sentencesExact == Tally(right: 2, total: 4))
    }

    @Test func mentionsAndLinkingOverExactSentences() {
        let evaluation = GoldEvaluation(documents: [Self.found], gold: [Self.gold], target: "t")
        #expect(evaluation.mentions["PERSON"] == Score(tp: 2, fp: 0, fn: 0))
        #expect(evaluation.mentions["GPE"] == Score(tp: 0, fp: 1, fn: 0))
        #expect(evaluation.mentions["ALL"] == Score(tp: 2, fp: 1, fn: 0))
        // Kim and Abe share an id but not a canonical name: one wrong link.
        #expect(evaluation.personLinking == Score(tp: 0, fp: 1, fn: 0))
    }

    @Test func stanceConfusionOverExactSentences() {
        let evaluation = GoldEvaluation(documents: [Self.found], gold: [Self.gold], target: "t")
        #expect(evaluation.stance.sentences == 2)
        #expect(evaluation.stance.confusion == ["none": ["none": 1], "favor": ["favor": 1]])
        #expect(evaluation.stance.labels["favor"] == Score(tp: 1, fp: 0, fn: 0))
        #expect(evaluation.stance.macroF1 == 0.5, "against has no sentence scored: F1 0")
        #expect(evaluation.stance.accuracy == 1)
    }

    @Test func aMissingDocumentIsEmptyOutput() {
        let evaluation = GoldEvaluation(documents: [], gold: [Self.gold], target: "t")
        #expect(evaluation.missing == ["a"])
        #expect(evaluation.lines == Score(tp: 0, fp: 0, fn: 2))
        #expect(evaluation.bodyLinesRemovedBy == ["missing": 2])
    }
}
