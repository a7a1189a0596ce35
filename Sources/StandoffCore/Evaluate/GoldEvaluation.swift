import Foundation

/// Scores pipeline output against gold labels in the development-corpus format, stage by stage:
/// which lines are body, the metadata, sentence boundaries, entity mentions and their linking,
/// and stance. Each later measure is taken over what the earlier stages got right (mentions and
/// stance over gold sentences whose text the pipeline reproduced exactly), so a cleaning error
/// is not counted again as a stance error.
public struct GoldEvaluation: Sendable, Encodable, Equatable {
    /// Documents scored (gold documents with output).
    public var documents = 0
    /// Gold documents the run produced no document for (a failed file), scored as empty output.
    public var missing: [String] = []
    /// Body lines: a line is positive when its gold role is `body` and found when it is in a paragraph.
    public var lines = Score()
    /// For each gold role, how many of its lines were kept in the body (`right` = kept).
    public var keptByRole: [String: Tally] = [:]
    /// Gold body lines removed, by the removal reason that removed them.
    public var bodyLinesRemovedBy: [String: Int] = [:]
    /// Metadata fields read right, by field (`title`, `authors`, `publication`, `published`) and over all.
    public var metadata: [String: Tally] = [:]
    /// Each wrong metadata field.
    public var metadataErrors: [FieldError] = []
    /// Gold sentences reproduced with exactly their text.
    public var sentencesExact = Tally()
    /// Sentence boundaries inside paragraphs whose text is exactly gold body text.
    public var boundaries = Score()
    /// Paragraphs whose text is exactly a run of gold sentences, of all paragraphs in the output.
    public var paragraphsCompared = Tally()
    /// Mentions as (text, type), per type and under `ALL`, over the exactly reproduced sentences.
    public var mentions: [String: Score] = [:]
    /// PERSON mentions found with the right text: pairs that share an entity id against pairs
    /// that share a gold canonical name, within each document.
    public var personLinking = Score()
    /// Stance toward the evaluated target over the exactly reproduced sentences.
    public var stance = StanceScores()
    /// One row per document.
    public var perDocument: [DocumentRow] = []

    enum CodingKeys: String, CodingKey {
        case documents, missing, lines, metadata, boundaries, mentions, stance
        case keptByRole = "kept_by_role"
        case bodyLinesRemovedBy = "body_lines_removed_by"
        case metadataErrors = "metadata_errors"
        case sentencesExact = "sentences_exact"
        case paragraphsCompared = "paragraphs_compared"
        case personLinking = "person_linking"
        case perDocument = "per_document"
    }

    /// A metadata field read wrong.
    public struct FieldError: Sendable, Encodable, Equatable {
        public var doc: String
        public var field: String
        public var found: String
        public var expected: String
    }

    /// Stance figures: per label, macro-F1 over favor and against, accuracy, confusion.
    public struct StanceScores: Sendable, Encodable, Equatable {
        /// The target scored (the first of the rules by default).
        public var target = ""
        /// Per label: `favor`, `against`, `none`.
        public var labels: [String: Score] = [:]
        /// Gold label → found label → sentences.
        public var confusion: [String: [String: Int]] = [:]
        /// Sentences scored.
        public var sentences = 0
        /// Found label equal to gold.
        @FourPlaces public var accuracy = 0.0
        /// Mean F1 of `favor` and `against`, the two labels the research question turns on.
        @FourPlaces public var macroF1 = 0.0

        enum CodingKeys: String, CodingKey {
            case target, labels, confusion, sentences, accuracy
            case macroF1 = "macro_f1"
        }

    }

    /// One document's headline figures.
    public struct DocumentRow: Sendable, Encodable, Equatable {
        public var doc: String
        public var lines: Score
        public var metadata: Tally
        public var sentencesExact: Tally
        public var stance: Tally

        enum CodingKeys: String, CodingKey {
            case doc, lines, metadata, stance
            case sentencesExact = "sentences_exact"
        }
    }

    /// The labels stance is scored with; macro-F1 averages the first two.
    public static let stanceLabels = ["favor", "against", "none"]
    /// The metadata fields compared, in report order.
    public static let metadataFields = ["title", "authors", "publication", "published"]

    /// Scores `documents` against `gold`, matched by document id, for stance toward `target`.
    public init(documents: [Document], gold: [GoldDocument], target: String) {
        stance.target = target
        let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var confusion: [String: [String: Int]] = [:]
        var linking = Score()
        for labels in gold.sorted(by: { $0.doc < $1.doc }) {
            let document = byID[labels.doc] ?? Document(id: labels.doc, sourceFile: labels.doc, rawBytes: [])
            if byID[labels.doc] == nil { missing.append(labels.doc) } else { self.documents += 1 }
            var row = DocumentRow(doc: labels.doc, lines: Score(), metadata: Tally(), sentencesExact: Tally(), stance: Tally())
            scoreLines(document, labels, row: &row)
            scoreMetadata(document, labels, row: &row)
            scoreBoundaries(document, labels)
            let pairs = GoldEvaluation.pairSentences(document, labels)
            row.sentencesExact = Tally(right: pairs.count, total: labels.sentences.count)
            sentencesExact.right += pairs.count
            sentencesExact.total += labels.sentences.count
            linking = linking + scoreMentions(document, labels, pairs: pairs)
            for (gold, found) in pairs {
                let label = document.stances.first { $0.sentenceIndex == found && $0.target == target }?.label ?? "none"
                confusion[labels.sentences[gold].stance, default: [:]][label, default: 0] += 1
                row.stance.count(label == labels.sentences[gold].stance)
            }
            perDocument.append(row)
        }
        personLinking = linking
        finishStance(confusion)
    }

    mutating func scoreLines(_ document: Document, _ labels: GoldDocument, row: inout DocumentRow) {
        let kept = Set(document.paragraphs.flatMap(\.lines))
        let reasons = Dictionary(document.removed.map { ($0.line, $0.reason) }, uniquingKeysWith: { first, _ in first })
        for line in labels.lines {
            let isKept = kept.contains(line.n)
            let isBody = line.role == .body
            let score = Score(tp: isBody && isKept ? 1 : 0, fp: !isBody && isKept ? 1 : 0, fn: isBody && !isKept ? 1 : 0)
            lines = lines + score
            row.lines = row.lines + score
            keptByRole[line.role.rawValue, default: Tally()].count(isKept)
            if isBody && !isKept { bodyLinesRemovedBy[reasons[line.n] ?? "missing", default: 0] += 1 }
        }
    }

    mutating func scoreMetadata(_ document: Document, _ labels: GoldDocument, row: inout DocumentRow) {
        let found = document.metadata
        let fields: [(String, String?, String?)] = [
            ("title", found.title, labels.title),
            ("authors", found.authors.isEmpty ? nil : found.authors.map(EvaluationText.fold).joined(separator: "; "),
             labels.authors.isEmpty ? nil : labels.authors.map(EvaluationText.fold).joined(separator: "; ")),
            ("publication", found.publication, labels.publication),
            ("published", found.published, labels.published),
        ]
        for (field, value, expected) in fields {
            let right = value.map(EvaluationText.fold) == expected.map(EvaluationText.fold)
            metadata[field, default: Tally()].count(right)
            metadata["all", default: Tally()].count(right)
            row.metadata.count(right)
            if !right {
                metadataErrors.append(FieldError(doc: labels.doc, field: field, found: value ?? "—", expected: expected ?? "—"))
            }
        }
    }

    /// Compares sentence ends inside each output paragraph that is exactly a run of gold sentences.
    mutating func scoreBoundaries(_ document: Document, _ labels: GoldDocument) {
        let goldTexts = labels.sentences.map { Array(EvaluationText.fold($0.text).unicodeScalars) }
        var next = 0
        for (position, paragraph) in document.paragraphs.enumerated() {
            paragraphsCompared.total += 1
            let text = Array(EvaluationText.fold(paragraph.text).unicodeScalars)
            guard let (ends, after) = GoldEvaluation.tile(text, with: goldTexts, from: next) else { continue }
            next = after
            paragraphsCompared.right += 1
            let foldedSentences = document.sentences.filter { $0.paragraph == position }
            var found = Set<Int>()
            var offset = 0
            for sentence in foldedSentences {
                let length = EvaluationText.fold(sentence.text).unicodeScalars.count
                // Sentences are separated by white space that folding keeps as one space at most.
                offset = GoldEvaluation.locate(Array(EvaluationText.fold(sentence.text).unicodeScalars), in: text, from: offset) ?? offset
                offset += length
                found.insert(offset)
            }
            let internalGold = Set(ends.dropLast())
            found.remove(text.count)
            boundaries = boundaries + Score(tp: found.intersection(internalGold).count,
                                            fp: found.subtracting(internalGold).count,
                                            fn: internalGold.subtracting(found).count)
        }
    }

    /// Where gold sentences `from…` (or, failing that, from any earlier or later point) cover
    /// `text` exactly, with only spaces between them: their end offsets and the next index.
    static func tile(_ text: [Unicode.Scalar], with sentences: [[Unicode.Scalar]], from start: Int) -> (ends: [Int], next: Int)? {
        guard !text.isEmpty else { return nil }
        let order = Array(start..<sentences.count) + Array(0..<min(start, sentences.count))
        for first in order where text.starts(with: sentences[first]) {
            var ends: [Int] = []
            var offset = 0
            var index = first
            while index < sentences.count, text[offset...].starts(with: sentences[index]) {
                offset += sentences[index].count
                ends.append(offset)
                index += 1
                if offset == text.count { return (ends, index) }
                guard text[offset] == " " else { break }
                offset += 1
            }
        }
        return nil
    }

    /// The offset of `needle` in `text` at or after `from`.
    static func locate(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= text.count else { return nil }
        var start = max(0, from)
        while start + needle.count <= text.count {
            if text[start] == needle[0] && text[start..<(start + needle.count)].elementsEqual(needle) { return start }
            start += 1
        }
        return nil
    }

    /// Gold sentence index → output sentence index, for gold sentences whose folded text an
    /// output sentence has exactly, matched in order.
    static func pairSentences(_ document: Document, _ labels: GoldDocument) -> [(gold: Int, found: Int)] {
        var unused: [String: [Int]] = [:]
        for sentence in document.sentences.reversed() { unused[EvaluationText.fold(sentence.text), default: []].append(sentence.index) }
        var pairs: [(gold: Int, found: Int)] = []
        for (index, sentence) in labels.sentences.enumerated() {
            let key = EvaluationText.fold(sentence.text)
            if let found = unused[key]?.popLast() { pairs.append((index, found)) }
        }
        return pairs
    }

    /// Adds mention counts for the paired sentences; returns the document's PERSON linking counts.
    mutating func scoreMentions(_ document: Document, _ labels: GoldDocument, pairs: [(gold: Int, found: Int)]) -> Score {
        var mentionsBySentence: [Int: [Mention]] = [:]
        for mention in document.mentions { mentionsBySentence[mention.sentenceIndex, default: []].append(mention) }
        // (gold canonical, found entity id) of each PERSON mention found with the gold text.
        var people: [(canonical: String, id: String)] = []
        for (gold, found) in pairs {
            let labelled = labels.sentences[gold].entities
            let foundMentions = mentionsBySentence[found] ?? []
            for type in Set(labelled.map(\.type)).union(foundMentions.map(\.type)) {
                let score = Score(found: GoldEvaluation.counts(foundMentions.filter { $0.type == type }.map(\.text)),
                                  labelled: GoldEvaluation.counts(labelled.filter { $0.type == type }.map(\.text)))
                mentions[type, default: Score()] = mentions[type, default: Score()] + score
                mentions["ALL", default: Score()] = mentions["ALL", default: Score()] + score
            }
            var unusedPeople = foundMentions.filter { $0.type == EntityType.person.rawValue }
            for mention in labelled where mention.type == EntityType.person.rawValue {
                if let match = unusedPeople.firstIndex(where: { $0.text == mention.text }) {
                    people.append((mention.canonical, unusedPeople[match].entityID))
                    unusedPeople.remove(at: match)
                }
            }
        }
        var score = Score()
        for first in people.indices {
            for second in people.indices where second > first {
                let sameGold = people[first].canonical == people[second].canonical
                let sameFound = people[first].id == people[second].id
                if sameGold && sameFound { score.tp += 1 } else if sameFound { score.fp += 1 } else if sameGold { score.fn += 1 }
            }
        }
        return score
    }

    static func counts(_ keys: [String]) -> [String: Int] {
        keys.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    mutating func finishStance(_ confusion: [String: [String: Int]]) {
        stance.confusion = confusion
        let all = Set(GoldEvaluation.stanceLabels).union(confusion.keys).union(confusion.values.flatMap(\.keys))
        var right = 0, total = 0
        for label in all {
            var score = Score()
            for (gold, row) in confusion {
                for (found, count) in row {
                    if gold == label && found == label { score.tp += count }
                    else if found == label { score.fp += count }
                    else if gold == label { score.fn += count }
                }
            }
            stance.labels[label] = score
        }
        for (gold, row) in confusion {
            for (found, count) in row {
                total += count
                if gold == found { right += count }
            }
        }
        stance.sentences = total
        stance.accuracy = total == 0 ? 0 : Double(right) / Double(total)
        stance.macroF1 = (stance.labels["favor", default: Score()].f1 + stance.labels["against", default: Score()].f1) / 2
    }
}

/// Text as compared in evaluation: NFC, runs of white space (any Unicode space) as one space, ends trimmed.
enum EvaluationText {
    static func fold(_ text: String) -> String {
        var output = ""
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.unicodeScalars.append(" ") ; pendingSpace = false }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    /// Folded, case-insensitive, with typographic quotes as ASCII ones: how a headline is compared
    /// with the one a page declares, whose markup may differ from its printed text in these only.
    static func headlineKey(_ text: String) -> String {
        var key = fold(text).lowercased()
        for (typographic, plain) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\"")] {
            key = key.replacingOccurrences(of: typographic, with: plain)
        }
        return key
    }
}
