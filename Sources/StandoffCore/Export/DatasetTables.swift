/// The dataset's tables: their schemas (the data contract) and how a document becomes rows.
///
/// Column names are a contract with researchers: later versions add columns, never rename them.
/// The `documents` table gets four columns per stance target, so its schema depends on the
/// targets in `annotations/rules/stance-targets.jsonl`.
public struct DatasetTables: Sendable, Equatable {
    /// The stance targets whose document stance the `documents` table carries, in file order.
    public let targets: [StanceTarget]
    /// Every reason a line can be removed for (phrase rule ids, heuristics, corrections), sorted:
    /// the categories of `removed.reason`; empty when unknown, which leaves the column free text.
    public let removalReasons: [String]

    /// Creates the tables for `targets`, with `removalReasons` as the categories of `removed.reason`.
    public init(targets: [StanceTarget] = [], removalReasons: [String] = []) {
        self.targets = targets
        self.removalReasons = Array(Set(removalReasons)).sorted()
    }

    private static func column(_ name: String, _ type: TableSchema.ColumnType, nullable: Bool = false, _ description: String,
                               categories: [String]? = nil, fields: [TableSchema.Column] = []) -> TableSchema.Column {
        TableSchema.Column(name: name, type: type, nullable: nullable, description: description, categories: categories, fields: fields)
    }

    /// The keys of a stance cue (see ``StanceCue/json``).
    public static let cueFields = [
        column("start", .integer, "Start offset in the document's `text`, in code points."),
        column("end", .integer, "End offset (exclusive) in code points."),
        column("text", .string, "The words as written."),
        column("rule", .string, "Id of the rule the words made fire."),
        column("label", .string, nullable: true, "For a cue rule, the label the cue gave after the operators; null for topic words, operator triggers and holder words.",
               categories: StanceAnnotator.labels),
    ]

    /// One row per article, without the stance columns.
    public static let baseDocuments = TableSchema(
        name: "documents",
        description: "One row per article: its source, metadata and cleaned text.",
        columns: [
            column("doc_id", .string, "Document id: the raw file's name without `.txt`."),
            column("source_file", .string, "The raw file, relative to the project, e.g. `raw/000_9e598d26d3e3c964.txt`."),
            column("source_sha256", .string, "SHA-256 of the raw file's bytes, lowercase hex."),
            column("source_size", .integer, "Size of the raw file in bytes."),
            column("title", .string, nullable: true, "Headline, where the page states one."),
            column("authors", .list, "Authors named by a byline or an author bio, in page order; empty when none is named."),
            column("publication", .string, nullable: true, "Outlet or site name, where the page states it."),
            column("published", .date, nullable: true, "Publication date (YYYY-MM-DD), where the page states it."),
            column("text", .string, "The cleaned article body; paragraphs are separated by a blank line (`\\n\\n`). All offsets point into this text."),
            column("n_paragraphs", .integer, "Number of paragraphs in `text`."),
            column("n_sentences", .integer, "Number of sentences (rows in `sentences`)."),
            column("n_removed", .integer, "Number of raw lines removed as boilerplate (rows in `removed`)."),
        ],
        primaryKey: ["doc_id"]
    )

    /// One row per article, with each target's document stance.
    public var documents: TableSchema {
        var schema = Self.baseDocuments
        for target in targets {
            let prefix = target.columnPrefix
            schema.columns += [
                Self.column(prefix + "_stance", .string, "Document stance toward `\(target.id)` (\(target.description)): `favor` when the author's favor sentences outnumber the against ones, `against` when the reverse, else `none`. Quoted and reported speakers' sentences do not count.",
                            categories: StanceAnnotator.labels),
                Self.column(prefix + "_n_favor", .integer, "Sentences held by the author labelled `favor` toward `\(target.id)`."),
                Self.column(prefix + "_n_against", .integer, "Sentences held by the author labelled `against` toward `\(target.id)`."),
                Self.column(prefix + "_n_none", .integer, "Sentences held by the author labelled `none` toward `\(target.id)`."),
            ]
        }
        return schema
    }

    /// One row per sentence.
    public static let sentences = TableSchema(
        name: "sentences",
        description: "One row per sentence of a document's cleaned text.",
        columns: [
            column("sentence_id", .string, "Sentence id: `<doc_id>-s<index, 4 digits>`."),
            column("doc_id", .string, "The document the sentence belongs to."),
            column("index", .integer, "0-based position of the sentence in its document."),
            column("paragraph", .integer, "0-based paragraph the sentence lies in; a sentence never spans two."),
            column("start", .integer, "Start offset in the document's `text`, in Unicode code points."),
            column("end", .integer, "End offset (exclusive) in code points: `text[start:end]` in Python is the sentence."),
            column("text", .string, "The sentence."),
        ],
        primaryKey: ["sentence_id"]
    )

    /// One row per entity mention.
    public static let mentions = TableSchema(
        name: "mentions",
        description: "One row per entity mention in a sentence.",
        columns: [
            column("mention_id", .string, "Mention id: `<sentence_id>-m<2 digits>`."),
            column("doc_id", .string, "The document."),
            column("sentence_id", .string, "The sentence the mention lies in."),
            column("start", .integer, "Start offset in the document's `text`, in code points."),
            column("end", .integer, "End offset (exclusive) in code points."),
            column("text", .string, "The mention as written."),
            column("type", .string, "PERSON, GPE, ORG, NORP or EVENT (OntoNotes names).", categories: EntityType.allCases.map(\.rawValue)),
            column("entity_id", .string, "Stable entity id, the same across documents."),
            column("entity_name", .string, "The entity's canonical name."),
            column("rule", .string, "Id of the rule that produced the mention (`correction` for one a person added)."),
            column("source", .string, "`rule`, or `correction` when a person's correction in `annotations/corrections.jsonl` made or changed the row."),
            column("country", .string, nullable: true, "Id of the country the entity stands for or acts for, from the gazetteer: the country itself, its capital and places (`Tokyo` used for the government → `japan`), its nationals (NORP) and its government's people and bodies; empty for entities of no one country."),
        ],
        primaryKey: ["mention_id"]
    )

    /// One row per sentence and stance target.
    public static let stances = TableSchema(
        name: "stances",
        description: "One row per sentence and stance target.",
        columns: [
            column("sentence_id", .string, "The sentence."),
            column("doc_id", .string, "The document."),
            column("target", .string, "Stance target id, e.g. `japan-dprk-dialogue`."),
            column("label", .string, "`favor`, `against` or `none`.", categories: StanceAnnotator.labels),
            column("holder", .string, "`author`, the entity id of the quoted or reported speaker, or `unnamed` for a speaker no one names (critics, one official)."),
            column("rules", .list, "Ids of the rules that fired, in the order they fired: the target rule, cue rules, operators, holder rules (`correction` when a person's correction set the row)."),
            column("source", .string, "`rule`, or `correction` when a person's correction set the label or holder."),
            column("cues", .records, "The words that made the rules fire, in text order: objects with `start` and `end` (code points into the document's `text`, end-exclusive), `text`, `rule` (the rule's id) and `label` (for cue rules, the label the cue gave after negation, contrast, conditions, questions and hedges; null for topic words, operator triggers and holder words).",
                   fields: cueFields),
            column("score", .integer, "Favor cue weights minus against cue weights after the operators; the label is its sign. 0 off target."),
        ],
        primaryKey: ["sentence_id", "target"]
    )

    /// One row per raw line not kept in the body, with `reason` as free text.
    public static let baseRemoved = TableSchema(
        name: "removed",
        description: "One row per non-blank raw line that is not part of the body, with the rule that removed it.",
        columns: [
            column("doc_id", .string, "The document."),
            column("line", .integer, "1-based line number in the raw file."),
            column("text", .string, "The raw line as decoded."),
            column("reason", .string, "Id of the cleaning rule that removed it (see the dataset card)."),
        ],
        primaryKey: ["doc_id", "line"]
    )

    /// One row per raw line not kept in the body, with the known removal reasons as `reason`'s categories.
    public var removed: TableSchema {
        var schema = Self.baseRemoved
        if !removalReasons.isEmpty, let reason = schema.columns.firstIndex(where: { $0.name == "reason" }) {
            schema.columns[reason].categories = removalReasons
        }
        return schema
    }

    /// Every table, in the order they are written and documented.
    public var all: [TableSchema] { [documents, Self.sentences, Self.mentions, Self.stances, removed] }

    /// Every table without stance targets: the same table names, and every column but the
    /// documents table's per-target ones.
    public static var all: [TableSchema] { DatasetTables().all }

    /// The rows `document` contributes to `table`, without per-target document columns.
    public static func rows(of document: Document, in table: TableSchema) -> [[Cell]] {
        DatasetTables().rows(of: document, in: table)
    }

    /// The rows `document` contributes to `table`, in row order.
    public func rows(of document: Document, in table: TableSchema) -> [[Cell]] {
        switch table.name {
        case Self.baseDocuments.name:
            let metadata = document.metadata
            var row: [Cell] = [
                .string(document.id), .string(document.sourceFile), .string(document.sourceSHA256), .integer(document.sourceSize),
                .optional(metadata.title), .list(metadata.authors), .optional(metadata.publication), .optional(metadata.published),
                .string(document.text), .integer(document.paragraphs.count), .integer(document.sentences.count), .integer(document.removed.count),
            ]
            for target in targets {
                let stance = DocumentStance.aggregate(document.stances, target: target.id)
                row += [.string(stance.label), .integer(stance.favor), .integer(stance.against), .integer(stance.none)]
            }
            return [row]
        case Self.sentences.name:
            return document.sentences.map { sentence in
                [.string(document.sentenceID(sentence.index)), .string(document.id), .integer(sentence.index),
                 .integer(sentence.paragraph), .integer(sentence.start), .integer(sentence.end), .string(sentence.text)]
            }
        case Self.mentions.name:
            var perSentence: [Int: Int] = [:]
            return document.mentions.map { mention in
                let ordinal = perSentence[mention.sentenceIndex, default: 0]
                perSentence[mention.sentenceIndex] = ordinal + 1
                let sentenceID = document.sentenceID(mention.sentenceIndex)
                return [.string(sentenceID + "-m" + zeroPadded(ordinal, width: 2)), .string(document.id), .string(sentenceID),
                        .integer(mention.start), .integer(mention.end), .string(mention.text), .string(mention.type),
                        .string(mention.entityID), .string(mention.entityName), .string(mention.rule), .string(mention.source),
                        .optional(mention.country)]
            }
        case Self.stances.name:
            return document.stances.map { stance in
                [.string(document.sentenceID(stance.sentenceIndex)), .string(document.id), .string(stance.target),
                 .string(stance.label), .string(stance.holder), .list(stance.rules), .string(stance.source),
                 .records(stance.cues.map(\.json)), .integer(stance.score)]
            }
        case Self.baseRemoved.name:
            return document.removed.map { line in
                [.string(document.id), .integer(line.line), .string(line.text), .string(line.reason)]
            }
        default:
            return []
        }
    }
}

extension StanceCue {
    /// The cue as a JSON object with sorted keys, as the `cues` column holds it.
    public var json: JSONValue {
        .object(["start": .integer(start), "end": .integer(end), "text": .string(text), "rule": .string(rule), "label": .optional(label)])
    }
}
