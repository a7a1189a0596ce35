import Crypto
import Foundation

/// One line of `annotations/corrections.jsonl`: a person's fix to what the rules decided, pinned
/// to the exact text it was made for.
///
/// ```json
/// {"action": "set-stance", "sentence_id": "d-s0003", "sentence_sha256": "1f2e…", "target": "japan-dprk-dialogue",
///  "label": "favor", "by": "A. Reviewer", "why": "Rhetorical question arguing for talks."}
/// ```
/// A correction names a sentence by id *and* a fingerprint of its text (or a raw line by number and
/// fingerprint), so when the text under it changes the correction is reported stale instead of
/// being applied to the wrong words. `standoff correct` writes these lines for you.
public struct Correction: RuleLineDecodable, Equatable {
    /// What the correction changes.
    public enum Action: String, Decodable, Sendable, CaseIterable {
        /// Set a sentence's stance label and/or holder for one target.
        case setStance = "set-stance"
        /// Add a mention the rules missed.
        case addMention = "add-mention"
        /// Remove a mention the rules made.
        case removeMention = "remove-mention"
        /// Change a mention's type and/or entity.
        case retypeMention = "retype-mention"
        /// Keep a raw line the cleaning rules removed.
        case keepLine = "keep-line"
        /// Remove a raw line the cleaning rules kept.
        case removeLine = "remove-line"
    }

    public var action: Action
    /// The sentence, for stance and mention corrections.
    public var sentenceId: String?
    /// ``Correction/fingerprint(_:)`` of the sentence's text when the correction was made.
    public var sentenceSha256: String?
    /// The document, for line corrections.
    public var docId: String?
    /// 1-based raw line number, for line corrections.
    public var line: Int?
    /// ``Correction/fingerprint(_:)`` of the raw line's text.
    public var lineSha256: String?
    /// Stance target id.
    public var target: String?
    /// New stance label.
    public var label: String?
    /// New stance holder.
    public var holder: String?
    /// The mention's text.
    public var text: String?
    /// The mention's start, in code points from the sentence start.
    public var start: Int?
    /// The mention's type.
    public var type: String?
    /// The mention's entity id.
    public var entityId: String?
    /// The mention's entity name.
    public var entityName: String?
    /// Who made the correction.
    public var by: String
    /// Why: one sentence a reviewer can check.
    public var why: String

    /// The keys a line may use, in the file's `snake_case`.
    public static let keys: Set<String> = ["action", "sentence_id", "sentence_sha256", "doc_id", "line", "line_sha256", "target", "label",
                                           "holder", "text", "start", "type", "entity_id", "entity_name", "by", "why"]

    /// The fingerprint corrections use: the first 16 hex digits of the text's SHA-256.
    public static func fingerprint(_ text: String) -> String {
        String(SHA256.hash(data: Data(text.utf8)).map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined().prefix(16))
    }

    /// The document a correction belongs to.
    public var documentID: String? {
        if let docId { return docId }
        guard let sentenceId, let cut = sentenceId.range(of: "-s", options: .backwards) else { return nil }
        return String(sentenceId[..<cut.lowerBound])
    }

    /// The sentence index named by `sentence_id`.
    public var sentenceIndex: Int? {
        guard let sentenceId, let cut = sentenceId.range(of: "-s", options: .backwards) else { return nil }
        return Int(sentenceId[cut.upperBound...])
    }

    /// What is missing for this action, or `nil` when the line is complete.
    func problem() -> String? {
        func need(_ fields: [(String, Any?)]) -> String? {
            let missing = fields.filter { $0.1 == nil }.map(\.0)
            return missing.isEmpty ? nil : "'\(action.rawValue)' needs \(missing.joined(separator: ", "))"
        }
        if by.isEmpty || why.isEmpty { return "say who made the correction ('by') and why ('why')" }
        switch action {
        case .setStance:
            if label == nil && holder == nil { return "'set-stance' needs 'label' or 'holder'" }
            if let label, !Validate.stanceLabels.contains(label) { return "label '\(label)' is not favor, against or none" }
            return need([("sentence_id", sentenceId), ("sentence_sha256", sentenceSha256), ("target", target)])
        case .addMention:
            if let type, !Validate.mentionTypes.contains(type) { return "type '\(type)' is not one of \(Validate.mentionTypes.sorted().joined(separator: ", "))" }
            return need([("sentence_id", sentenceId), ("sentence_sha256", sentenceSha256), ("text", text), ("start", start), ("type", type), ("entity_id", entityId)])
        case .removeMention:
            return need([("sentence_id", sentenceId), ("sentence_sha256", sentenceSha256), ("text", text), ("start", start)])
        case .retypeMention:
            if type == nil && entityId == nil { return "'retype-mention' needs 'type' or 'entity_id'" }
            if let type, !Validate.mentionTypes.contains(type) { return "type '\(type)' is not one of \(Validate.mentionTypes.sorted().joined(separator: ", "))" }
            return need([("sentence_id", sentenceId), ("sentence_sha256", sentenceSha256), ("text", text), ("start", start)])
        case .keepLine, .removeLine:
            return need([("doc_id", docId), ("line", line), ("line_sha256", lineSha256)])
        }
    }
}

/// Every correction, checked, grouped by document.
public struct CorrectionSet: Sendable {
    /// Corrections in file order.
    public let lines: [RuleLine<Correction>]
    private let byDocument: [String: [RuleLine<Correction>]]

    /// Checks each line has what its action needs; every bad line is reported, not just the first.
    public init(lines: [RuleLine<Correction>]) throws {
        let problems = lines.compactMap { line in
            line.rule.problem().map { StandoffError.invalidRule(file: line.file, line: line.line, reason: $0 + "; 'standoff correct' writes well-formed lines") }
        }
        if problems.count == 1 { throw problems[0] }
        if problems.count > 1 { throw StandoffError.multiple(problems) }
        self.lines = lines
        byDocument = Dictionary(grouping: lines) { $0.rule.documentID ?? "" }
    }

    /// No corrections.
    public static let none = try! CorrectionSet(lines: [])

    /// Decodes `annotations/corrections.jsonl`.
    public static func decode(file: String, contents: String) throws -> CorrectionSet {
        try CorrectionSet(lines: RuleFile.decode(Correction.self, file: file, contents: contents))
    }

    /// Warnings for corrections whose document is not among `documentIDs`: a renamed or removed
    /// raw file, or a mistyped id. They apply to nothing, which `--strict` makes an error.
    public func orphans(documentIDs: Set<String>) -> [Diagnostic] {
        lines.filter { !documentIDs.contains($0.rule.documentID ?? "") }.map { line in
            Diagnostic(severity: .warning, stage: Correct.description.identifier, code: "stale-correction", location: line.location,
                       message: "document '\(line.rule.documentID ?? "")' is not in the raw folder, so this correction applies to nothing; fix its id or remove the line")
        }
    }

    /// The corrections for one document, in file order.
    public func corrections(for documentID: String) -> [RuleLine<Correction>] {
        byDocument[documentID] ?? []
    }
}
