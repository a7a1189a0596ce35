import Testing
@testable import StandoffCore

@Suite("Snapshot encoding")
struct SnapshotEncodingTests {
    /// An object with its keys in the given order, values rendered by `JSONValue`.
    static func ordered(_ pairs: [(String, JSONValue)]) -> String {
        "{" + pairs.map { JSONValue.string($0.0).rendered + ":" + $0.1.rendered }.joined(separator: ",") + "}"
    }

    /// The snapshot as the documented key order and `JSONValue` render it: the lines are written
    /// field by field for speed, and must stay exactly this.
    static func reference(_ document: Document, targets: [String]) -> String {
        var reasons: [String: Int] = [:]
        for line in document.removed { reasons[line.reason, default: 0] += 1 }
        let metadata = document.metadata
        var output = ordered([
            ("doc_id", .string(document.id)), ("title", .optional(metadata.title)), ("authors", .array(metadata.authors.map(JSONValue.string))),
            ("publication", .optional(metadata.publication)), ("published", .optional(metadata.published)),
            ("stances", .array(targets.map { target in
                let stance = DocumentStance.aggregate(document.stances, target: target)
                return .object(["target": .string(target), "label": .string(stance.label), "n_favor": .integer(stance.favor),
                                "n_against": .integer(stance.against), "n_none": .integer(stance.none)])
            })),
            ("n_paragraphs", .integer(document.paragraphs.count)), ("n_sentences", .integer(document.sentences.count)),
            ("n_removed", .integer(document.removed.count)), ("removed_by_reason", .object(reasons.mapValues(JSONValue.integer))),
            ("source_sha256", .string(document.sourceSHA256)), ("kind", .string("document")),
        ]) + "\n"
        for sentence in document.sentences {
            let mentions = document.mentions.filter { $0.sentenceIndex == sentence.index }.map { mention in
                ordered([
                    ("text", .string(mention.text)), ("type", .string(mention.type)), ("entity_id", .string(mention.entityID)),
                    ("start", .integer(mention.start - sentence.start)), ("end", .integer(mention.end - sentence.start)),
                    ("rule", .string(mention.rule)),
                ])
            }
            let stances = document.stances.filter { $0.sentenceIndex == sentence.index }.map { stance in
                ordered([
                    ("target", .string(stance.target)), ("label", .string(stance.label)), ("holder", .string(stance.holder)),
                    ("score", .integer(stance.score)), ("rules", .array(stance.rules.map(JSONValue.string))),
                    ("cues", .array(stance.cues.map { cue in
                        .object(["start": .integer(cue.start - sentence.start), "end": .integer(cue.end - sentence.start),
                                 "text": .string(cue.text), "rule": .string(cue.rule), "label": .optional(cue.label)])
                    })),
                ])
            }
            output += "{" + [
                "\"sentence_id\":" + JSONValue.string(document.sentenceID(sentence.index)).rendered,
                "\"text\":" + JSONValue.string(sentence.text).rendered,
                "\"stances\":[" + stances.joined(separator: ",") + "]",
                "\"mentions\":[" + mentions.joined(separator: ",") + "]",
                "\"paragraph\":" + String(sentence.paragraph),
                "\"source\":" + JSONValue.string(document.correctedSentences.contains(sentence.index) ? "correction" : "rule").rendered,
                "\"kind\":\"sentence\"",
            ].joined(separator: ",") + "}\n"
        }
        return output
    }

    static var document: Document {
        var document = Document(id: "d", sourceFile: "raw/d.txt", rawBytes: [])
        document.sourceSHA256 = "ab"
        document.metadata = DocumentMetadata(title: "Kim’s “plan”", authors: ["Ana Lima", "Jo \"Q\" Roe"], publication: nil, published: "2024-04-04")
        document.text = "Kim met Abe. 👍🏽 Abe left.\n\nTalks \"resumed\"."
        document.paragraphs = [Paragraph(text: "Kim met Abe. 👍🏽 Abe left.", start: 0, end: 25, lines: [2]),
                               Paragraph(text: "Talks \"resumed\".", start: 27, end: 43, lines: [4])]
        document.sentences = [Sentence(index: 0, paragraph: 0, start: 0, end: 12, text: "Kim met Abe."),
                              Sentence(index: 1, paragraph: 0, start: 13, end: 25, text: "👍🏽 Abe left."),
                              Sentence(index: 2, paragraph: 1, start: 27, end: 43, text: "Talks \"resumed\".")]
        document.mentions = [
            Mention(sentenceIndex: 0, start: 0, end: 3, text: "Kim", type: "PERSON", entityID: "kim-jong-un", entityName: "Kim Jong Un", rule: "gazetteer"),
            Mention(sentenceIndex: 0, start: 8, end: 11, text: "Abe", type: "PERSON", entityID: "shinzo-abe", entityName: "Shinzo Abe", rule: "gazetteer"),
            Mention(sentenceIndex: 1, start: 16, end: 19, text: "Abe", type: "PERSON", entityID: "shinzo-abe", entityName: "Shinzo Abe", rule: "linked"),
        ]
        document.stances = [Stance(sentenceIndex: 1, target: "b", label: "favor", holder: "author", rules: ["r1", "correction"], source: "correction"),
                            Stance(sentenceIndex: 1, target: "a", label: "against", holder: "shinzo-abe", rules: ["c", "holder-speech-verb"],
                                   cues: [StanceCue(start: 16, end: 19, text: "Abe", rule: "holder-speech-verb", label: nil),
                                          StanceCue(start: 20, end: 24, text: "left", rule: "c", label: "against")], score: -2)]
        document.correctedSentences = [1]
        document.removed = [RemovedLine(line: 1, text: "Share", reason: "share-prompt"), RemovedLine(line: 3, text: "Menu", reason: "navigation-label"),
                            RemovedLine(line: 5, text: "Tweet", reason: "share-prompt")]
        return document
    }

    @Test func sentenceLinesEqualTheJSONValueRendering() {
        let document = Self.document
        #expect(SnapshotEncoding.encode(document, targets: ["a", "b"]) == Self.reference(document, targets: ["a", "b"]))
        #expect(SnapshotEncoding.encode(document) == Self.reference(document, targets: []))
    }

    @Test func documentWithoutSentences() {
        var document = Self.document
        document.sentences = []
        #expect(SnapshotEncoding.encode(document, targets: ["a"]) == Self.reference(document, targets: ["a"]))
    }
}
