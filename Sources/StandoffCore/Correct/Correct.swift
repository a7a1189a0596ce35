/// Applies people's corrections to stances and mentions after the rules have run.
///
/// Reads: sentences, mentions, stances. Assigns: mentions and stances (corrected rows carry
/// `source: correction`). A correction whose sentence no longer exists or whose text changed
/// (fingerprint mismatch) is not applied and is reported as `stale-correction`; one that the
/// rules now agree with is reported as `redundant-correction`; a stance correction for a target
/// that `stance-targets.jsonl` does not declare as `unknown-target`. All are warnings; `--strict`
/// makes them errors. Line corrections (`keep-line`, `remove-line`) are applied by `Clean`.
public struct Correct: Stage {
    public static let description = StageDescription(
        identifier: "correct",
        summary: "Apply the corrections in annotations/corrections.jsonl to stances and mentions, reporting stale and redundant ones.",
        requires: [.sentences, .mentions, .stances],
        assigns: [.mentions, .stances],
        examples: [
            StageExample(input: "{\"action\":\"set-stance\",\"sentence_id\":\"d-s0002\",\"sentence_sha256\":<of its text>,\"target\":\"t\",\"label\":\"favor\",…}",
                         output: "stance of d-s0002 toward t becomes favor, source correction"),
            StageExample(input: "the same line after the sentence's text was edited in raw/",
                         output: "warning: stale-correction, stance left as the rules decided"),
        ]
    )

    /// The corrections, grouped by document.
    public let corrections: CorrectionSet
    /// The country of an entity id, so a corrected mention carries the same `country` a rule's would.
    public let country: @Sendable (String) -> String?
    /// The declared stance targets; a stance correction for another target is reported, not applied.
    /// Empty accepts any target.
    public let targets: [String]

    /// Creates the stage.
    public init(corrections: CorrectionSet, country: @escaping @Sendable (String) -> String? = { _ in nil }, targets: [String] = []) {
        self.corrections = corrections
        self.country = country
        self.targets = targets
    }

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        for line in corrections.corrections(for: document.id) where line.rule.sentenceId != nil {
            let correction = line.rule
            func warn(_ code: String, _ message: String) {
                diagnostics.append(Diagnostic(severity: .warning, stage: Correct.description.identifier, code: code,
                                              location: line.location, message: message))
            }
            guard let index = correction.sentenceIndex, document.sentences.indices.contains(index),
                  Correction.fingerprint(document.sentences[index].text) == correction.sentenceSha256 else {
                warn("stale-correction", "sentence \(correction.sentenceId ?? "?") no longer exists or its text changed since the correction was made; check it and record it again with 'standoff correct'")
                continue
            }
            let sentence = document.sentences[index]
            let changed: Bool
            switch correction.action {
            case .setStance:
                if !targets.isEmpty, let target = correction.target, !targets.contains(target) {
                    warn("unknown-target", "target '\(target)' is not declared in stance-targets.jsonl, so the correction is not applied; fix its target or declare the target")
                    continue
                }
                changed = setStance(correction, sentence: index, in: &document)
            case .addMention, .removeMention, .retypeMention:
                guard let relative = correction.start, let text = correction.text,
                      sentenceSlice(sentence, from: relative, count: text.unicodeScalars.count) == text else {
                    warn("stale-correction", "'\(correction.text ?? "")' is not at offset \(correction.start ?? -1) of sentence \(correction.sentenceId ?? "?"); check it and record it again with 'standoff correct'")
                    continue
                }
                changed = applyMention(correction, sentence: sentence, start: sentence.start + relative, end: sentence.start + relative + text.unicodeScalars.count, in: &document)
            case .keepLine, .removeLine:
                continue
            }
            if changed {
                document.correctedSentences.insert(index)
            } else {
                warn("redundant-correction", "the rules now give what this correction asks for; it can be removed from the corrections file")
            }
        }
        document.mentions.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The `count` scalars of `sentence` from `offset`, or `nil` when out of range.
    func sentenceSlice(_ sentence: Sentence, from offset: Int, count: Int) -> String? {
        let scalars = Array(sentence.text.unicodeScalars)
        guard offset >= 0, count > 0, offset + count <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[offset..<(offset + count)]))
    }

    /// Sets label and holder; returns whether anything changed.
    func setStance(_ correction: Correction, sentence: Int, in document: inout Document) -> Bool {
        guard let target = correction.target else { return false }
        let position = document.stances.firstIndex { $0.sentenceIndex == sentence && $0.target == target } ?? {
            // No rule row for this target yet: the correction supplies it.
            document.stances.append(Stance(sentenceIndex: sentence, target: target, label: "none", holder: "author", rules: []))
            document.stances.sort { ($0.sentenceIndex, $0.target) < ($1.sentenceIndex, $1.target) }
            return document.stances.firstIndex { $0.sentenceIndex == sentence && $0.target == target }!
        }()
        var stance = document.stances[position]
        let label = correction.label ?? stance.label
        let holder = correction.holder ?? stance.holder
        guard label != stance.label || holder != stance.holder || stance.rules.isEmpty else { return false }
        stance.label = label
        stance.holder = holder
        stance.rules.append("correction")
        stance.source = "correction"
        document.stances[position] = stance
        return true
    }

    /// Adds, removes or retypes the mention at `start..<end`; returns whether anything changed.
    func applyMention(_ correction: Correction, sentence: Sentence, start: Int, end: Int, in document: inout Document) -> Bool {
        let existing = document.mentions.firstIndex { $0.start == start && $0.end == end }
        switch correction.action {
        case .addMention:
            if let existing, document.mentions[existing].type == correction.type, document.mentions[existing].entityID == correction.entityId {
                return false
            }
            // A person's span wins over any rule mention it overlaps.
            document.mentions.removeAll { $0.start < end && start < $0.end }
            var mention = Mention(sentenceIndex: sentence.index, start: start, end: end, text: correction.text ?? "",
                                  type: correction.type ?? "", entityID: correction.entityId ?? "",
                                  entityName: correction.entityName ?? correction.text ?? "", rule: "correction")
            mention.source = "correction"
            mention.country = country(mention.entityID)
            document.mentions.append(mention)
            return true
        case .removeMention:
            guard let existing else { return false }
            document.mentions.remove(at: existing)
            return true
        case .retypeMention:
            guard let existing else { return false }
            var mention = document.mentions[existing]
            let type = correction.type ?? mention.type
            let entity = correction.entityId ?? mention.entityID
            guard type != mention.type || entity != mention.entityID else { return false }
            mention.type = type
            mention.entityID = entity
            mention.entityName = correction.entityName ?? mention.entityName
            mention.country = country(entity)
            mention.source = "correction"
            document.mentions[existing] = mention
            return true
        default:
            return false
        }
    }
}
