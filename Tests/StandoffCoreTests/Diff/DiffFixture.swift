import Foundation
@testable import StandoffCore

/// A one-paragraph document described by its sentences and annotations, turned into the rows a
/// release would hold (through the real exporters), so the diff is tested on real row shapes.
struct DiffDocument: Sendable {
    struct MentionSpec: Sendable {
        var sentence: Int, text: String, type: String, entity: String, rule: String
    }

    struct StanceSpec: Sendable {
        var sentence: Int, target: String, label: String, holder: String = "author", rules: [String]
    }

    var id: String
    var sentences: [String]
    var title: String?
    var mentions: [MentionSpec] = []
    var stances: [StanceSpec] = []
    var removed: [RemovedLine] = []

    init(_ id: String, _ sentences: [String], title: String? = nil) {
        self.id = id
        self.sentences = sentences
        self.title = title
    }

    func mention(_ sentence: Int, _ text: String, _ type: String, _ entity: String, rule: String? = nil) -> DiffDocument {
        var copy = self
        copy.mentions.append(MentionSpec(sentence: sentence, text: text, type: type, entity: entity, rule: rule ?? entity))
        return copy
    }

    func stance(_ sentence: Int, _ target: String, _ label: String, holder: String = "author", rules: [String]) -> DiffDocument {
        var copy = self
        copy.stances.append(StanceSpec(sentence: sentence, target: target, label: label, holder: holder, rules: rules))
        return copy
    }

    func removedLine(_ line: Int, _ text: String, _ reason: String) -> DiffDocument {
        var copy = self
        copy.removed.append(RemovedLine(line: line, text: text, reason: reason))
        return copy
    }

    /// The document: sentences joined by single spaces, offsets in code points.
    var document: Document {
        var document = Document(id: id, sourceFile: "raw/\(id).txt", rawBytes: [])
        document.metadata.title = title
        var offset = 0
        for (index, text) in sentences.enumerated() {
            let length = text.unicodeScalars.count
            document.sentences.append(Sentence(index: index, paragraph: 0, start: offset, end: offset + length, text: text))
            offset += length + 1
        }
        document.text = sentences.joined(separator: " ")
        document.paragraphs = [Paragraph(text: document.text, start: 0, end: document.text.unicodeScalars.count, lines: [1])]
        for spec in mentions {
            let sentence = document.sentences[spec.sentence]
            let start = sentence.start + Self.scalarOffset(of: spec.text, in: sentence.text)
            document.mentions.append(Mention(sentenceIndex: spec.sentence, start: start, end: start + spec.text.unicodeScalars.count,
                                             text: spec.text, type: spec.type, entityID: spec.entity, entityName: spec.entity, rule: spec.rule))
        }
        document.mentions.sort { $0.start < $1.start }
        document.stances = stances.map { Stance(sentenceIndex: $0.sentence, target: $0.target, label: $0.label, holder: $0.holder, rules: $0.rules) }
        document.removed = removed.sorted { $0.line < $1.line }
        return document
    }

    private static func scalarOffset(of needle: String, in text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<(start + target.count)]) == target {
            return start
        }
        fatalError("'\(needle)' is not in '\(text)'")
    }
}

enum DiffFixture {
    /// The release tables of `documents`, encoded as JSONL by the exporter and decoded back;
    /// `extra` adds columns a later version might have (table → column → value).
    static func release(_ label: String, _ documents: [DiffDocument], extra: [String: [String: JSONValue]] = [:]) throws -> ReleaseTables {
        var tables: [String: [TableRow]] = [:]
        for table in DatasetTables.all {
            tables[table.name] = try documents.flatMap { specification in
                try DatasetTables.rows(of: specification.document, in: table).map { cells in
                    let line = RowEncoding.jsonLine(cells, schema: table)
                    guard case var .object(values) = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) else {
                        fatalError("a row is not an object: \(line)")
                    }
                    for (column, value) in extra[table.name] ?? [:] { values[column] = value }
                    return TableRow(values)
                }
            }
        }
        return ReleaseTables(label: label, fingerprint: nil, tables: tables)
    }
}
