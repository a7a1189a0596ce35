extension DatasetDiff {
    /// The whole comparison as one JSON value, for machines: every change, nothing capped.
    public var json: JSONValue {
        func string(_ value: String?) -> JSONValue { .optional(value) }
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        func side(_ side: Side) -> JSONValue {
            .object(["label": .string(side.label), "fingerprint": string(side.fingerprint),
                     "rows": .object(side.rowCounts.mapValues(JSONValue.integer))])
        }
        func sentence(_ sentence: SentenceRef) -> JSONValue {
            .object(["sentence_id": .string(sentence.id), "text": .string(sentence.text)])
        }
        func document(_ document: DocumentRef) -> JSONValue {
            .object(["doc_id": .string(document.id), "title": string(document.title), "sentences": .integer(document.sentences)])
        }
        func mention(_ mention: MentionRef?) -> JSONValue {
            guard let mention else { return .null }
            return .object(["text": .string(mention.text), "type": .string(mention.type), "entity_id": .string(mention.entityID),
                            "rule": .string(mention.rule), "start": .integer(mention.start), "end": .integer(mention.end)])
        }
        func kinds<Kind: RawRepresentable & CaseIterable>(_ counts: [Kind: Int]) -> JSONValue where Kind.RawValue == String {
            .object(Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0.rawValue, JSONValue.integer(counts[$0] ?? 0)) }))
        }

        let targets: [JSONValue] = changedTargets.map { target in
            .object([
                "target": .string(target),
                "transitions": .array(transitions(for: target).sorted { $0.key < $1.key }.map {
                    .object(["from": string($0.key.from), "to": string($0.key.to), "count": .integer($0.value)])
                }),
                "changes": .array(stanceChanges.filter { $0.target == target }.map { change in
                    .object(["sentence_id": .string(change.sentence.id), "old_sentence_id": .string(change.oldSentenceID),
                             "text": .string(change.sentence.text), "from": string(change.from), "to": string(change.to),
                             "old_holder": string(change.oldHolder), "new_holder": string(change.newHolder),
                             "old_rules": strings(change.oldRules), "new_rules": strings(change.newRules)])
                }),
            ])
        }
        return .object([
            "old": side(old),
            "new": side(new),
            "has_changes": .bool(hasChanges),
            "columns": .object([
                "added": .object(columnsAdded.mapValues(strings)),
                "removed": .object(columnsRemoved.mapValues(strings)),
            ]),
            "documents": .object([
                "added": .array(documentsAdded.map(document)),
                "removed": .array(documentsRemoved.map(document)),
                "changed": .array(documentsChanged.map { change in
                    .object(["doc_id": .string(change.id), "columns": strings(change.columns), "sentence_changes": .integer(change.sentences),
                             "mention_changes": .integer(change.mentions), "stance_changes": .integer(change.stances),
                             "removed_line_changes": .integer(change.lines)])
                }),
            ]),
            "sentences": .object([
                "shifted": .integer(sentencesShifted),
                "changes": .array(sentenceChanges.map { change in
                    .object(["doc_id": .string(change.docID), "kind": .string(change.kind.rawValue),
                             "old": .array(change.old.map(sentence)), "new": .array(change.new.map(sentence))])
                }),
            ]),
            "stances": .array(targets),
            "mentions": .object([
                "by_type": .object(mentionCounts(by: \.type).mapValues(kinds)),
                "by_entity": .object(mentionCounts(by: \.entityID).mapValues(kinds)),
                "changes": .array(mentionChanges.map { change in
                    .object(["kind": .string(change.kind.rawValue), "doc_id": .string(change.docID), "sentence_id": .string(change.sentence.id),
                             "sentence_text": .string(change.sentence.text), "old": mention(change.old), "new": mention(change.new)])
                }),
            ]),
            "removed": .array(lineChanges.map { change in
                .object(["kind": .string(change.kind.rawValue), "doc_id": .string(change.docID), "line": .integer(change.line),
                         "text": .string(change.text), "old_reason": string(change.oldReason), "new_reason": string(change.newReason)])
            }),
            "rules": .object(Dictionary(uniqueKeysWithValues: ruleEffects.map { effect in
                (effect.rule, JSONValue.object(Dictionary(uniqueKeysWithValues: effect.counts.map { ($0.key.rawValue, JSONValue.integer($0.value)) })))
            })),
        ])
    }
}

extension JSONValue {
    /// The value over several lines, indented by two spaces, keys sorted: deterministic and
    /// readable in a terminal or a diff.
    public var prettyRendered: String {
        var output = ""
        renderPretty(into: &output, indent: "")
        return output + "\n"
    }

    private func renderPretty(into output: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case let .array(items) where !items.isEmpty:
            output += "[\n"
            for (position, item) in items.enumerated() {
                output += inner
                item.renderPretty(into: &output, indent: inner)
                output += position < items.count - 1 ? ",\n" : "\n"
            }
            output += indent + "]"
        case let .object(members) where !members.isEmpty:
            output += "{\n"
            for (position, key) in members.keys.sorted().enumerated() {
                output += inner + RowEncoding.jsonString(key) + ": "
                members[key]!.renderPretty(into: &output, indent: inner)
                output += position < members.count - 1 ? ",\n" : "\n"
            }
            output += indent + "}"
        default:
            output += rendered
        }
    }
}
