/// The committed annotation snapshot of one document, `annotations/documents/<doc_id>.jsonl`:
/// a header line with the metadata, removed-line counts and document stances, then one line per
/// sentence with its text, mentions and stances (with their cues).
///
/// It is made for review in git: keys sorted, no timestamps, no absolute paths, and offsets
/// relative to the sentence, so a rule change shows as exactly the lines it changes, each
/// readable on its own because the sentence text is on the line.
public enum SnapshotEncoding {
    /// Where the annotations on a line came from.
    public static let ruleSource = "rule"
    /// The source of a sentence a correction changed.
    public static let correctionSource = "correction"

    /// The document's snapshot lines, LF-terminated; `targets` are the stance targets whose document
    /// stance the header line records.
    public static func encode(_ document: Document, targets: [String] = []) -> String {
        var reasons: [String: Int] = [:]
        for line in document.removed { reasons[line.reason, default: 0] += 1 }
        let metadata = document.metadata
        var output = JSONValue.object([
            "kind": .string("document"),
            "doc_id": .string(document.id),
            "source_sha256": .string(document.sourceSHA256),
            "title": .optional(metadata.title),
            "authors": .array(metadata.authors.map(JSONValue.string)),
            "publication": .optional(metadata.publication),
            "published": .optional(metadata.published),
            "n_paragraphs": .integer(document.paragraphs.count),
            "n_sentences": .integer(document.sentences.count),
            "n_removed": .integer(document.removed.count),
            "removed_by_reason": .object(reasons.mapValues(JSONValue.integer)),
            "stances": .array(targets.map { target in
                let stance = DocumentStance.aggregate(document.stances, target: target)
                return JSONValue.object(["target": .string(target), "label": .string(stance.label), "n_favor": .integer(stance.favor),
                                         "n_against": .integer(stance.against), "n_none": .integer(stance.none)])
            }),
        ]).rendered + "\n"

        var mentionsBySentence: [Int: [Mention]] = [:]
        for mention in document.mentions { mentionsBySentence[mention.sentenceIndex, default: []].append(mention) }
        var stancesBySentence: [Int: [Stance]] = [:]
        for stance in document.stances { stancesBySentence[stance.sentenceIndex, default: []].append(stance) }

        for sentence in document.sentences {
            let mentions = (mentionsBySentence[sentence.index] ?? []).map { mention in
                JSONValue.object([
                    "start": .integer(mention.start - sentence.start), "end": .integer(mention.end - sentence.start),
                    "text": .string(mention.text), "type": .string(mention.type),
                    "entity_id": .string(mention.entityID), "rule": .string(mention.rule),
                ])
            }
            let stances = (stancesBySentence[sentence.index] ?? []).map { stance in
                JSONValue.object([
                    "target": .string(stance.target), "label": .string(stance.label),
                    "holder": .string(stance.holder), "rules": .array(stance.rules.map(JSONValue.string)),
                    "score": .integer(stance.score),
                    "cues": .array(stance.cues.map { cue in
                        JSONValue.object(["start": .integer(cue.start - sentence.start), "end": .integer(cue.end - sentence.start),
                                          "text": .string(cue.text), "rule": .string(cue.rule), "label": .optional(cue.label)])
                    }),
                ])
            }
            output += JSONValue.object([
                "kind": .string("sentence"),
                "sentence_id": .string(document.sentenceID(sentence.index)),
                "paragraph": .integer(sentence.paragraph),
                "text": .string(sentence.text),
                "mentions": .array(mentions),
                "stances": .array(stances),
                "source": .string(document.correctedSentences.contains(sentence.index) ? correctionSource : ruleSource),
            ]).rendered + "\n"
        }
        return output
    }
}
