/// Checks a document's dataset invariants before anything about it is written.
///
/// Reads: body, sentences, mentions, stances, removed lines. Assigns: the `validated` mark.
/// A violation throws ``StandoffError/invariant(document:sentence:invariant:detail:)`` naming
/// the document, the sentence and the invariant, so a bad build never reaches `build/dist/`.
public struct Validate: Stage {
    public static let description = StageDescription(
        identifier: "validate",
        summary: "Check offsets, sentence coverage, paragraph bounds, mention types, one stance row per sentence and target with a known label, holder and in-sentence cues, and that every raw line is either body or recorded as removed.",
        requires: [.body, .removedLines, .sentences, .mentions, .stances],
        assigns: [.validated],
        examples: [
            StageExample(input: "text \"Talks resumed.\", sentence 0..<5 \"Talks\"",
                         output: "error: invariant 'sentence-coverage' violated: \"resumed.\" (5..<14) is in no sentence"),
            StageExample(input: "target japan-dprk-dialogue, a sentence with no stance row for it",
                         output: "error: invariant 'stance-rows' violated: 0 rows for target 'japan-dprk-dialogue'; every sentence has exactly one per target"),
        ]
    )

    /// Entity types the mention table may hold.
    public static let mentionTypes: Set<String> = ["PERSON", "GPE", "ORG", "NORP", "EVENT"]
    /// Stance labels the stance table may hold.
    public static let stanceLabels: Set<String> = ["favor", "against", "none"]

    /// The stance targets every sentence needs exactly one row for; empty checks only the rows present.
    public let targets: [String]

    /// Entity ids a stance holder may name besides those the document mentions (the gazetteer's).
    public let knownEntities: Set<String>

    /// Creates the stage.
    public init(targets: [String] = [], knownEntities: Set<String> = []) {
        self.targets = targets
        self.knownEntities = knownEntities
    }

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        // Slices are compared as UTF-8 bytes through a code-point offset table: building a
        // String per sentence and mention from an array of scalars was most of this stage's time.
        let text = ScalarOffsets(document.text)
        func fail(_ invariant: String, sentence: Int? = nil, _ detail: String) -> StandoffError {
            .invariant(document: document.id, sentence: sentence.map(document.sentenceID), invariant: invariant, detail: detail)
        }

        // Paragraphs tile the text with blank-line separators.
        guard Validate.joinedByBlankLines(document.paragraphs.map(\.text), equal: text.utf8) else {
            throw fail("paragraphs-join", "the paragraphs joined by blank lines differ from the text")
        }
        for paragraph in document.paragraphs
        where !(0 <= paragraph.start && paragraph.start <= paragraph.end && paragraph.end <= text.count)
            || !text.slice(paragraph.start..<paragraph.end, equals: paragraph.text) {
            throw fail("paragraph-offsets", "paragraph from raw line \(paragraph.lines.first ?? 0) has offsets \(paragraph.start)..<\(paragraph.end) that do not hold its text")
        }

        // Sentences: in range, equal to their slice, trimmed, in order, inside one paragraph,
        // and together covering every non-space character exactly once.
        var covered = 0
        for (position, sentence) in document.sentences.enumerated() {
            guard sentence.index == position else { throw fail("sentence-index", sentence: position, "index \(sentence.index) at position \(position)") }
            guard sentence.start >= covered, sentence.start < sentence.end, sentence.end <= text.count else {
                throw fail("sentence-offsets", sentence: position, "offsets \(sentence.start)..<\(sentence.end) overlap the previous sentence or leave the text (length \(text.count))")
            }
            guard text.slice(sentence.start..<sentence.end, equals: sentence.text) else {
                throw fail("offset-invariant", sentence: position, "text[\(sentence.start):\(sentence.end)] differs from the sentence text")
            }
            guard !PageLine.isWhitespace(text.scalar(at: sentence.start)), !PageLine.isWhitespace(text.scalar(at: sentence.end - 1)) else {
                throw fail("sentence-trimmed", sentence: position, "the sentence starts or ends with white space")
            }
            guard document.paragraphs.indices.contains(sentence.paragraph),
                  document.paragraphs[sentence.paragraph].start <= sentence.start,
                  sentence.end <= document.paragraphs[sentence.paragraph].end else {
                throw fail("sentence-in-paragraph", sentence: position, "the sentence is not inside paragraph \(sentence.paragraph)")
            }
            if let gap = text.firstNonWhitespace(in: covered..<sentence.start) {
                throw fail("sentence-coverage", sentence: position, "the character at \(gap) before this sentence is in no sentence")
            }
            covered = sentence.end
        }
        if let gap = text.firstNonWhitespace(in: covered..<text.count) {
            throw fail("sentence-coverage", "the character at \(gap) after the last sentence is in no sentence")
        }

        for mention in document.mentions {
            guard document.sentences.indices.contains(mention.sentenceIndex) else {
                throw fail("mention-sentence", "mention '\(mention.text)' names sentence \(mention.sentenceIndex), which does not exist")
            }
            let sentence = document.sentences[mention.sentenceIndex]
            guard sentence.start <= mention.start, mention.start < mention.end, mention.end <= sentence.end,
                  text.slice(mention.start..<mention.end, equals: mention.text) else {
                throw fail("mention-offsets", sentence: mention.sentenceIndex, "mention '\(mention.text)' at \(mention.start)..<\(mention.end) is not that text inside its sentence")
            }
            guard Validate.mentionTypes.contains(mention.type) else {
                throw fail("mention-type", sentence: mention.sentenceIndex, "type '\(mention.type)' is not one of \(Validate.mentionTypes.sorted().joined(separator: ", "))")
            }
        }
        // Stances: one row per sentence and target, a known label and holder, cues that are their text.
        let entities = Set(document.mentions.map(\.entityID))
        var rows: [Int: [String: Int]] = [:]
        for stance in document.stances {
            guard document.sentences.indices.contains(stance.sentenceIndex), Validate.stanceLabels.contains(stance.label) else {
                throw fail("stance-label", sentence: stance.sentenceIndex, "label '\(stance.label)' is not one of favor, against, none, or the sentence does not exist")
            }
            if !targets.isEmpty && !targets.contains(stance.target) {
                throw fail("stance-target", sentence: stance.sentenceIndex, "target '\(stance.target)' is not declared in stance-targets.jsonl; declare it or fix the correction that names it")
            }
            guard stance.holder == StanceAnnotator.author || stance.holder == StanceAnnotator.unnamed || entities.contains(stance.holder) || knownEntities.contains(stance.holder) else {
                throw fail("stance-holder", sentence: stance.sentenceIndex, "holder '\(stance.holder)' is neither 'author', 'unnamed' nor an entity of the gazetteer or this document; fix the holder rule or the correction")
            }
            let sentence = document.sentences[stance.sentenceIndex]
            for cue in stance.cues {
                guard sentence.start <= cue.start, cue.start < cue.end, cue.end <= sentence.end, text.slice(cue.start..<cue.end, equals: cue.text) else {
                    throw fail("stance-cue", sentence: stance.sentenceIndex, "cue '\(cue.text)' of rule '\(cue.rule)' at \(cue.start)..<\(cue.end) is not that text inside its sentence")
                }
                if let label = cue.label, !Validate.stanceLabels.contains(label) {
                    throw fail("stance-cue", sentence: stance.sentenceIndex, "cue '\(cue.text)' has label '\(label)', not one of favor, against, none")
                }
            }
            rows[stance.sentenceIndex, default: [:]][stance.target, default: 0] += 1
        }
        for sentence in document.sentences {
            let counts = rows[sentence.index] ?? [:]
            for target in Set(targets).union(counts.keys).sorted() where counts[target, default: 0] != 1 {
                throw fail("stance-rows", sentence: sentence.index, "\(counts[target, default: 0]) rows for target '\(target)'; every sentence has exactly one per target")
            }
        }

        // Nothing disappears without a record: each non-blank raw line is body or removed, once.
        let lines = TextBytes.lines(document.rawText)
        var accounted = [Int](repeating: 0, count: lines.count + 1)
        var stray: Int?
        func account(_ number: Int) {
            if number >= 1 && number <= lines.count {
                accounted[number] += 1
            } else {
                stray = min(stray ?? number, number)
            }
        }
        for paragraph in document.paragraphs { for line in paragraph.lines { account(line) } }
        for removed in document.removed { account(removed.line) }
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let count = accounted[number]
            if PageLine.isBlank(line) ? count != 0 : count != 1 {
                throw fail("line-accounting", "raw line \(number) is \(count == 0 ? "neither body nor recorded as removed" : "counted \(count) times")")
            }
        }
        if let stray {
            throw fail("line-accounting", "line \(stray) is cited but the raw file has no such line")
        }
        if let published = document.metadata.published, PublicationDate.iso(published) != published {
            throw fail("published-date", "'\(published)' is not an ISO YYYY-MM-DD date")
        }
    }

    /// Whether `paragraphs` joined by `"\n\n"` are exactly the bytes `text`, without joining them.
    static func joinedByBlankLines(_ paragraphs: [String], equal text: [UInt8]) -> Bool {
        var position = 0
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 {
                guard position + 2 <= text.count, text[position] == 0x0A, text[position + 1] == 0x0A else { return false }
                position += 2
            }
            for byte in paragraph.utf8 {
                guard position < text.count, text[position] == byte else { return false }
                position += 1
            }
        }
        return position == text.count
    }
}
