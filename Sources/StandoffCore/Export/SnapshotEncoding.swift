/// The committed annotation snapshot of one document, `annotations/documents/<doc_id>.jsonl`:
/// a header line with the metadata, removed-line counts and document stances, then one line per
/// sentence with its text, mentions and stances (with their cues).
///
/// It is made for review in git: keys in a fixed order that puts what a reviewer reads first
/// (the header: `doc_id`, `title`, `authors`, `publication`, `published`, `stances`, counts,
/// `source_sha256`, `kind`; a sentence line: `sentence_id`, `text`, `stances` (each `target`,
/// `label`, `holder`, `score`, `rules`, `cues`), `mentions` (each `text`, `type`, `entity_id`,
/// `start`, `end`, `rule`), `paragraph`, `source`, `kind`; cue objects and document stances with
/// keys sorted), no timestamps, no absolute paths, and offsets relative to the sentence, so a
/// rule change shows as exactly the lines it changes, each readable on its own.
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
        let header: [(String, JSONValue)] = [
            ("doc_id", .string(document.id)),
            ("title", .optional(metadata.title)),
            ("authors", .array(metadata.authors.map(JSONValue.string))),
            ("publication", .optional(metadata.publication)),
            ("published", .optional(metadata.published)),
            ("stances", .array(targets.map { DocumentStance.aggregate(document.stances, target: $0).json })),
            ("n_paragraphs", .integer(document.paragraphs.count)),
            ("n_sentences", .integer(document.sentences.count)),
            ("n_removed", .integer(document.removed.count)),
            ("removed_by_reason", .object(reasons.mapValues(JSONValue.integer))),
            ("source_sha256", .string(document.sourceSHA256)),
            ("kind", .string("document")),
        ]
        output.append(byte: 0x7B)
        for (position, (key, value)) in header.enumerated() {
            if position > 0 { output.append(byte: 0x2C) }
            output.append(jsonString: key)
            output.append(byte: 0x3A)
            value.render(into: &output)
        }
        output.append(byte: 0x7D)
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
            // One sentence line, written field by field in the documented order; this runs for
            // every sentence, where building a `JSONValue` object per line was slow. The tests
            // check it against a rendering of the same pairs.
            output.append("{\"sentence_id\":")
            output.append(jsonString: document.sentenceID(sentence.index))
            output.append(",\"text\":")
            output.append(jsonString: sentence.text)
            output.append(",\"stances\":[")
            var first = true
            while nextStance < stances.count, document.stances[stances[nextStance]].sentenceIndex == sentence.index {
                let stance = document.stances[stances[nextStance]]
                nextStance += 1
                if !first { output.append(byte: 0x2C) }
                first = false
                output.append("{\"target\":")
                output.append(jsonString: stance.target)
                output.append(",\"label\":")
                output.append(jsonString: stance.label)
                output.append(",\"holder\":")
                output.append(jsonString: stance.holder)
                output.append(",\"score\":")
                output.append(integer: stance.score)
                output.append(",\"rules\":")
                JSONValue.array(stance.rules.map(JSONValue.string)).render(into: &output)
                output.append(",\"cues\":")
                JSONValue.array(stance.cues.map { cue in
                    JSONValue.object(["start": .integer(cue.start - sentence.start), "end": .integer(cue.end - sentence.start),
                                      "text": .string(cue.text), "rule": .string(cue.rule), "label": .optional(cue.label)])
                }).render(into: &output)
                output.append(byte: 0x7D)
            }
            output.append("],\"mentions\":[")
            first = true
            while nextMention < mentions.count, document.mentions[mentions[nextMention]].sentenceIndex == sentence.index {
                let mention = document.mentions[mentions[nextMention]]
                nextMention += 1
                if !first { output.append(byte: 0x2C) }
                first = false
                output.append("{\"text\":")
                output.append(jsonString: mention.text)
                output.append(",\"type\":")
                output.append(jsonString: mention.type)
                output.append(",\"entity_id\":")
                output.append(jsonString: mention.entityID)
                output.append(",\"start\":")
                output.append(integer: mention.start - sentence.start)
                output.append(",\"end\":")
                output.append(integer: mention.end - sentence.start)
                output.append(",\"rule\":")
                output.append(jsonString: mention.rule)
                output.append(byte: 0x7D)
            }
            output.append("],\"paragraph\":")
            output.append(integer: sentence.paragraph)
            output.append(",\"source\":")
            output.append(jsonString: document.correctedSentences.contains(sentence.index) ? correctionSource : ruleSource)
            output.append(",\"kind\":\"sentence\"}\n")
        }
        return output.string
    }
}
