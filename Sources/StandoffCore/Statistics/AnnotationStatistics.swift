/// Counts over the annotations of a corpus, gathered document by document so that nothing but
/// the counts is kept: mentions per type, the most mentioned entities, the top entities of each
/// document, and stance labels per target. `standoff stats` prints it; the dataset card quotes it.
///
/// ```
/// add(document with "Kishida … Kim … Kishida")
/// → types PERSON: 3 mentions, 2 entities; top entities of the document: Fumio Kishida (2), Kim Jong Un (1)
/// ```
public struct AnnotationStatistics: Sendable, Equatable {
    /// How many entities each document lists among its top ones.
    public static let topPerDocument = 5
    /// How many entities the corpus-wide list shows.
    public static let topInCorpus = 15

    /// One entity's totals.
    public struct EntityCount: Sendable, Equatable {
        public var id: String
        public var name: String
        /// The types its mentions have, e.g. `GPE` and `NORP` for a country and its nationals.
        public var types: Set<String>
        public var country: String?
        public var mentions: Int
        public var documents: Int
    }

    /// An entity's mentions in one document.
    public struct DocumentEntity: Sendable, Equatable {
        public var id: String
        public var mentions: Int
    }

    /// One document's most mentioned entities, most first (ties by id). Only ids and counts are
    /// kept, names come from ``entities``, so a corpus of many documents stays small in memory.
    public struct DocumentTop: Sendable, Equatable {
        public var documentID: String
        public var mentions: Int
        public var entities: [DocumentEntity]
    }

    /// Mentions per type.
    public private(set) var mentionsByType: [String: Int] = [:]
    /// Distinct entity ids per type.
    public private(set) var entitiesByType: [String: Set<String>] = [:]
    /// Totals per entity id; a country and its nationality words share one id.
    public private(set) var entities: [String: EntityCount] = [:]
    /// Each document's top entities, in the order documents were added.
    public private(set) var documents = PackedArray<DocumentTop>()
    /// Stance rows per target, then label.
    public private(set) var stanceLabels: [String: [String: Int]] = [:]

    /// Creates empty statistics.
    public init() {}

    /// Adds a document's mentions and stances.
    public mutating func add(_ document: Document) {
        var inDocument: [String: EntityCount] = [:]
        for mention in document.mentions {
            mentionsByType[mention.type, default: 0] += 1
            entitiesByType[mention.type, default: []].insert(mention.entityID)
            inDocument[mention.entityID, default: EntityCount(id: mention.entityID, name: mention.entityName, types: [],
                                                              country: mention.country, mentions: 0, documents: 1)].mentions += 1
            inDocument[mention.entityID]!.types.insert(mention.type)
            // NORP mentions carry the country's id but a demonym's name; the place's name reads better.
            if mention.type != "NORP" { inDocument[mention.entityID]!.name = mention.entityName }
        }
        for (key, count) in inDocument {
            if var total = entities[key] {
                total.mentions += count.mentions
                total.documents += 1
                total.types.formUnion(count.types)
                entities[key] = total
            } else {
                entities[key] = count
            }
        }
        documents.append(DocumentTop(documentID: document.id, mentions: document.mentions.count,
                                     entities: Self.ranked(inDocument.values).prefix(Self.topPerDocument).map {
                                         DocumentEntity(id: $0.id, mentions: $0.mentions)
                                     }))
        for stance in document.stances { stanceLabels[stance.target, default: [:]][stance.label, default: 0] += 1 }
    }

    /// Total mentions.
    public var mentionCount: Int { mentionsByType.values.reduce(0, +) }

    /// The most mentioned entities of the corpus, most first.
    public var topEntities: [EntityCount] { Array(Self.ranked(entities.values).prefix(Self.topInCorpus)) }

    /// Most mentions first, then most documents, then id, so the order never depends on hashing.
    static func ranked<Counts: Sequence>(_ counts: Counts) -> [EntityCount] where Counts.Element == EntityCount {
        counts.sorted {
            ($1.mentions, $1.documents, $0.id) < ($0.mentions, $0.documents, $1.id)
        }
    }

    /// The statistics as Markdown sections (headings at `level`), for the terminal and the card;
    /// the per-document table only when there are at most `documentLimit` documents.
    public func markdown(level: Int = 2, documentLimit: Int = .max) -> String {
        let heading = String(repeating: "#", count: level) + " "
        var output = heading + "Mentions per type\n\n"
        if mentionsByType.isEmpty {
            output += "No mentions.\n\n"
        } else {
            output += "| type | mentions | entities |\n|---|---:|---:|\n"
            for type in mentionsByType.keys.sorted() {
                output += "| \(type) | \(mentionsByType[type]!) | \(entitiesByType[type]?.count ?? 0) |\n"
            }
            output += "| all | \(mentionCount) | \(entities.count) |\n\n"

            output += heading + "Most mentioned entities\n\n| entity | id | types | country | mentions | documents |\n|---|---|---|---|---:|---:|\n"
            for entity in topEntities {
                output += "| \(Self.cell(entity.name)) | \(entity.id) | \(entity.types.sorted().joined(separator: ", ")) | \(entity.country ?? "–") | \(entity.mentions) | \(entity.documents) |\n"
            }
            output += "\n" + heading + "Top entities per document\n\n"
            if documents.count > documentLimit {
                output += Self.tooManyDocuments(documents.count, limit: documentLimit, table: "mentions") + "\n"
            }
            if documents.count <= documentLimit { output += "| document | mentions | top entities (mentions) |\n|---|---:|---|\n" }
            for document in documents.sorted(by: { $0.documentID < $1.documentID }) where documents.count <= documentLimit {
                let top = document.entities.map { "\(Self.cell(entities[$0.id]?.name ?? $0.id)) (\($0.mentions))" }.joined(separator: ", ")
                output += "| \(document.documentID) | \(document.mentions) | \(top.isEmpty ? "–" : top) |\n"
            }
            output += "\n"
        }
        output += heading + "Stance labels per target\n\n"
        if stanceLabels.isEmpty {
            output += "No stance rows.\n\n"
        } else {
            output += "| target | favor | against | none |\n|---|---:|---:|---:|\n"
            for target in stanceLabels.keys.sorted() {
                let labels = stanceLabels[target]!
                output += "| \(target) | \(labels["favor", default: 0]) | \(labels["against", default: 0]) | \(labels["none", default: 0]) |\n"
            }
            output += "\n"
        }
        return output
    }

    /// Said instead of a per-document table when a corpus has more documents than fit a page.
    public static func tooManyDocuments(_ count: Int, limit: Int, table: String) -> String {
        "Listed per document only for corpora of at most \(limit) documents; this one has \(count): see `data/\(table).csv`.\n"
    }

    /// The statistics as one JSON object, keys sorted.
    public var json: JSONValue {
        func entity(_ count: EntityCount) -> JSONValue {
            .object(["id": .string(count.id), "name": .string(count.name), "types": .array(count.types.sorted().map(JSONValue.string)),
                     "country": .optional(count.country), "mentions": .integer(count.mentions), "documents": .integer(count.documents)])
        }
        return .object([
            "mentions_by_type": .object(mentionsByType.mapValues { .integer($0) }),
            "entities_by_type": .object(entitiesByType.mapValues { .integer($0.count) }),
            "top_entities": .array(topEntities.map(entity)),
            "documents": .array(documents.sorted { $0.documentID < $1.documentID }.map { document in
                .object(["doc_id": .string(document.documentID), "mentions": .integer(document.mentions),
                         "top_entities": .array(document.entities.map { top in
                             .object(["id": .string(top.id), "name": .string(entities[top.id]?.name ?? top.id), "mentions": .integer(top.mentions)])
                         })])
            }),
            "stance_labels": .object(stanceLabels.mapValues { .object($0.mapValues { .integer($0) }) }),
        ])
    }

    /// A Markdown table cell with pipes escaped; the dataset card's tables use it too.
    public static func cell(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}

extension AnnotationStatistics.DocumentTop: Packable {
    public func pack(into writer: inout PackWriter) {
        writer.write(documentID)
        writer.write(mentions)
        writer.write(entities.count)
        for entity in entities {
            writer.write(pooled: entity.id)
            writer.write(entity.mentions)
        }
    }

    public init(unpacking reader: inout PackReader) {
        self.init(documentID: reader.readString(), mentions: reader.readInt(),
                  entities: (0..<reader.readInt()).map { _ in AnnotationStatistics.DocumentEntity(id: reader.readPooled(), mentions: reader.readInt()) })
    }
}
