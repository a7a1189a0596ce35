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
        var output = UTF8Buffer(capacity: 512 + 2 * document.text.utf8.count + 160 * document.mentions.count)
        JSONValue.object([
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
            "stances": .array(targets.map { DocumentStance.aggregate(document.stances, target: $0).json }),
        ]).render(into: &output)
        output.append(byte: 0x0A)

        // Mentions and stances grouped by sentence, keeping their order within a sentence.
        let mentions = document.mentions.indices.sorted { (document.mentions[$0].sentenceIndex, $0) < (document.mentions[$1].sentenceIndex, $1) }
        let stances = document.stances.indices.sorted { (document.stances[$0].sentenceIndex, $0) < (document.stances[$1].sentenceIndex, $1) }
        var nextMention = 0
        var nextStance = 0
        for sentence in document.sentences {
            // Sentence indices increase (Validate checks), so each group starts where the last ended.
            while nextMention < mentions.count, document.mentions[mentions[nextMention]].sentenceIndex < sentence.index { nextMention += 1 }
            while nextStance < stances.count, document.stances[stances[nextStance]].sentenceIndex < sentence.index { nextStance += 1 }
            // One sentence line, written field by field with the keys in sorted order; this runs
            // for every sentence, where building and sorting a `JSONValue` object per line was slow.
            // The tests check it against the `JSONValue` rendering.
            output.append("{\"kind\":\"sentence\",\"mentions\":[")
            var first = true
            while nextMention < mentions.count, document.mentions[mentions[nextMention]].sentenceIndex == sentence.index {
                let mention = document.mentions[mentions[nextMention]]
                nextMention += 1
                if !first { output.append(byte: 0x2C) }
                first = false
                output.append("{\"end\":")
                output.append(integer: mention.end - sentence.start)
                output.append(",\"entity_id\":")
                output.append(jsonString: mention.entityID)
                output.append(",\"rule\":")
                output.append(jsonString: mention.rule)
                output.append(",\"start\":")
                output.append(integer: mention.start - sentence.start)
                output.append(",\"text\":")
                output.append(jsonString: mention.text)
                output.append(",\"type\":")
                output.append(jsonString: mention.type)
                output.append(byte: 0x7D)
            }
            output.append("],\"paragraph\":")
            output.append(integer: sentence.paragraph)
            output.append(",\"sentence_id\":")
            output.append(jsonString: document.sentenceID(sentence.index))
            output.append(",\"source\":")
            output.append(jsonString: document.correctedSentences.contains(sentence.index) ? correctionSource : ruleSource)
            output.append(",\"stances\":[")
            first = true
            while nextStance < stances.count, document.stances[stances[nextStance]].sentenceIndex == sentence.index {
                let stance = document.stances[stances[nextStance]]
                nextStance += 1
                if !first { output.append(byte: 0x2C) }
                first = false
                output.append("{\"cues\":")
                JSONValue.array(stance.cues.map { cue in
                    JSONValue.object(["start": .integer(cue.start - sentence.start), "end": .integer(cue.end - sentence.start),
                                      "text": .string(cue.text), "rule": .string(cue.rule), "label": .optional(cue.label)])
                }).render(into: &output)
                output.append(",\"holder\":")
                output.append(jsonString: stance.holder)
                output.append(",\"label\":")
                output.append(jsonString: stance.label)
                output.append(",\"rules\":")
                JSONValue.array(stance.rules.map(JSONValue.string)).render(into: &output)
                output.append(",\"score\":")
                output.append(integer: stance.score)
                output.append(",\"target\":")
                output.append(jsonString: stance.target)
                output.append(byte: 0x7D)
            }
            output.append("],\"text\":")
            output.append(jsonString: sentence.text)
            output.append("}\n")
        }
        return output.string
    }
}
