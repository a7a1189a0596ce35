/// One article as it moves through the pipeline: each stage fills in the fields it assigns.
///
/// A document is created from a raw file's bytes and is otherwise empty; `Ingest` decodes it,
/// `Clean` separates body from boilerplate, `Split` finds sentences, `Annotate` adds mentions
/// and stances. Offsets everywhere are Unicode code points into ``text``, end-exclusive.
public struct Document: Sendable, Equatable {
    /// The raw file's stem, e.g. `000_9e598d26d3e3c964`; stable across rebuilds.
    public var id: String
    /// The raw file's path relative to the project, e.g. `raw/000_9e598d26d3e3c964.txt`.
    public var sourceFile: String
    /// The raw bytes as read; released once decoded so a document does not hold two copies.
    public var rawBytes: [UInt8]
    /// Lowercase hex SHA-256 of the raw bytes.
    public var sourceSHA256: String = ""
    /// Size of the raw file in bytes.
    public var sourceSize: Int = 0
    /// The decoded text: UTF-8, no byte-order mark, LF line ends, NFC.
    public var rawText: String = ""
    /// Title, authors, publication and date, where the file states them.
    public var metadata = DocumentMetadata()
    /// Body paragraphs in order; their texts joined by a blank line make ``text``.
    public var paragraphs: [Paragraph] = []
    /// Every non-blank raw line that is not part of the body, with the rule that removed it.
    public var removed: [RemovedLine] = []
    /// The cleaned body: paragraphs joined by `"\n\n"`.
    public var text: String = ""
    /// Sentences in order; they never span two paragraphs.
    public var sentences: [Sentence] = []
    /// Entity mentions, sorted by start offset then end offset.
    public var mentions: [Mention] = []
    /// One stance row per sentence and target.
    public var stances: [Stance] = []
    /// Indices of sentences whose annotations a correction changed.
    public var correctedSentences: Set<Int> = []
    /// The document's rows in every table, encoded as JSON Lines and CSV by `Export`.
    public var rendered = RenderedRows()

    /// Creates a document that holds only its identity and raw bytes.
    public init(id: String, sourceFile: String, rawBytes: [UInt8]) {
        self.id = id
        self.sourceFile = sourceFile
        self.rawBytes = rawBytes
    }

    /// The stable id of the sentence at `index`, e.g. `000_9e598d26d3e3c964-s0003`.
    public func sentenceID(_ index: Int) -> String {
        Document.sentenceID(documentID: id, index: index)
    }

    /// The stable id of a sentence of document `documentID`; zero-padded so ids sort in text order.
    public static func sentenceID(documentID: String, index: Int) -> String {
        // One allocation: this runs for every row of every table that names a sentence.
        let digits = String(index)
        var id = documentID
        id.reserveCapacity(documentID.utf8.count + 2 + max(4, digits.utf8.count))
        id.append("-s")
        if digits.utf8.count < 4 { id.append(String(repeating: "0", count: 4 - digits.utf8.count)) }
        id.append(digits)
        return id
    }
}

/// Left-pads a non-negative number with zeros to `width` digits.
func zeroPadded(_ number: Int, width: Int) -> String {
    let digits = String(number)
    // `utf8.count`, not `count`: digits are ASCII, and counting characters walks graphemes.
    return digits.utf8.count >= width ? digits : String(repeating: "0", count: width - digits.utf8.count) + digits
}

/// Metadata that `Clean` reads off the page around the article.
public struct DocumentMetadata: Sendable, Equatable {
    /// The headline, where the file states one.
    public var title: String?
    /// Authors in the order the file names them; empty when none is stated.
    public var authors: [String] = []
    /// The outlet or site name, where the file states it.
    public var publication: String?
    /// The publication date as ISO `YYYY-MM-DD`, where the file states it.
    public var published: String?

    /// Creates metadata; every field defaults to "not stated".
    public init(title: String? = nil, authors: [String] = [], publication: String? = nil, published: String? = nil) {
        self.title = title
        self.authors = authors
        self.publication = publication
        self.published = published
    }
}

/// A paragraph of the cleaned body and the raw lines it came from.
public struct Paragraph: Sendable, Equatable, Encodable {
    /// The paragraph's text, white space folded.
    public var text: String
    /// Code-point offset of the paragraph's first character in the document text.
    public var start: Int
    /// Code-point offset just past the paragraph's last character.
    public var end: Int
    /// 1-based raw line numbers joined into this paragraph (more than one for hard-wrapped text).
    public var lines: [Int]

    /// Creates a paragraph.
    public init(text: String, start: Int, end: Int, lines: [Int]) {
        self.text = text
        self.start = start
        self.end = end
        self.lines = lines
    }
}

/// A raw line that is not part of the body, kept so nothing disappears without a record.
public struct RemovedLine: Sendable, Equatable, Encodable {
    /// 1-based line number in the raw file.
    public var line: Int
    /// The line as decoded (byte-order mark and line end removed).
    public var text: String
    /// The id of the rule that removed it, e.g. `subscription-prompt`.
    public var reason: String

    /// Creates a record of a removed line.
    public init(line: Int, text: String, reason: String) {
        self.line = line
        self.text = text
        self.reason = reason
    }
}

/// A sentence of the cleaned body.
public struct Sentence: Sendable, Equatable, Encodable {
    /// 0-based position in the document.
    public var index: Int
    /// 0-based paragraph the sentence belongs to.
    public var paragraph: Int
    /// Code-point offset into the document text.
    public var start: Int
    /// Code-point offset just past the sentence, end-exclusive.
    public var end: Int
    /// The sentence's text, equal to the document text between `start` and `end`.
    public var text: String

    /// Creates a sentence.
    public init(index: Int, paragraph: Int, start: Int, end: Int, text: String) {
        self.index = index
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A typed, linked mention of an entity in a sentence.
public struct Mention: Sendable, Equatable, Encodable {
    /// The sentence the mention lies in.
    public var sentenceIndex: Int
    /// Code-point offset into the document text.
    public var start: Int
    /// Code-point offset just past the mention.
    public var end: Int
    /// The mention's text, equal to the document text between `start` and `end`.
    public var text: String
    /// OntoNotes type: PERSON, GPE, ORG, NORP or EVENT.
    public var type: String
    /// Stable entity id, e.g. `kim-jong-un`.
    public var entityID: String
    /// The entity's canonical name.
    public var entityName: String
    /// The id of the rule that produced the mention.
    public var rule: String
    /// `rule`, or `correction` when a person's correction made or changed it.
    public var source: String = "rule"
    /// The country the entity stands for or acts for (`tokyo` → `japan`), where the gazetteer records one.
    public var country: String?

    /// Creates a mention.
    public init(sentenceIndex: Int, start: Int, end: Int, text: String, type: String, entityID: String, entityName: String, rule: String) {
        self.sentenceIndex = sentenceIndex
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.entityID = entityID
        self.entityName = entityName
        self.rule = rule
    }
}

/// A sentence's stance toward one target.
public struct Stance: Sendable, Equatable, Encodable {
    /// The sentence the stance belongs to.
    public var sentenceIndex: Int
    /// The target id, e.g. `japan-dprk-dialogue`.
    public var target: String
    /// `favor`, `against` or `none`.
    public var label: String
    /// `author` or the entity id of the quoted or reported speaker.
    public var holder: String
    /// Ids of the rules that fired, in the order they fired.
    public var rules: [String]
    /// `rule`, or `correction` when a person's correction set it.
    public var source: String = "rule"
    /// The words that made the rules fire, in text order.
    public var cues: [StanceCue]
    /// Favor cue weights minus against cue weights, after the operators; 0 when the sentence is off target.
    public var score: Int
    /// Ids of the rules without which the label would differ (each switched off alone), for rule statistics.
    public var decisive: [String]

    /// Creates a stance row.
    public init(sentenceIndex: Int, target: String, label: String, holder: String, rules: [String], source: String = "rule",
                cues: [StanceCue] = [], score: Int = 0, decisive: [String] = []) {
        self.sentenceIndex = sentenceIndex
        self.target = target
        self.label = label
        self.holder = holder
        self.rules = rules
        self.source = source
        self.cues = cues
        self.score = score
        self.decisive = decisive
    }
}

/// A word or phrase that made a stance rule fire: a cue from `stance-cues.jsonl`, the trigger of
/// an operator (`not`, `but`, `if`, `?`), a target's topic word or a holder's speech verb.
public struct StanceCue: Sendable, Equatable, Encodable {
    /// Code-point offset into the document text.
    public var start: Int
    /// Code-point offset just past the cue.
    public var end: Int
    /// The cue as written, equal to the document text between `start` and `end`.
    public var text: String
    /// The id of the rule it belongs to.
    public var rule: String
    /// For a cue rule, the label it gave after the operators (`favor`, `against` or `none`);
    /// `nil` for operator triggers, topic words and holder words, which give no label.
    public var label: String?

    /// Creates a cue.
    public init(start: Int, end: Int, text: String, rule: String, label: String?) {
        self.start = start
        self.end = end
        self.text = text
        self.rule = rule
        self.label = label
    }
}

/// A document's rows, encoded and ready to append to the table files.
public struct RenderedRows: Sendable, Equatable {
    /// Table name → JSON Lines text as UTF-8 (one LF-terminated object per row). Bytes rather
    /// than `String`, so the encoder's output goes to the file without being checked as UTF-8
    /// and copied again.
    public var jsonl: [String: [UInt8]] = [:]
    /// Table name → CSV records as UTF-8 (CRLF-terminated, no header).
    public var csv: [String: [UInt8]] = [:]
    /// Table name → number of rows.
    public var rowCounts: [String: Int] = [:]
    /// The document's lines of the committed annotation snapshot.
    public var snapshot = ""

    /// Creates an empty set of rows.
    public init() {}
}
