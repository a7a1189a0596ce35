import Foundation
import StandoffCore

/// Writes well-formed lines to `annotations/corrections.jsonl`, computing the fingerprints from
/// the current text so nobody has to.
public struct CorrectionRecorder: Sendable {
    /// The build whose raw files and rules give the current text.
    public let build: DatasetBuild

    /// Creates a recorder.
    public init(build: DatasetBuild) {
        self.build = build
    }

    /// The document `id` run through `split`, as the pipeline sees it now.
    func document(_ id: String) throws -> Document {
        let corpus = try RawCorpus(folder: build.options.rawFolder)
        guard let entry = corpus.entries.first(where: { $0.id == id }) else {
            throw BuildError.correction("no raw file for document '\(id)' in \(build.options.rawFolder)")
        }
        guard let pipeline = try build.pipeline().prefix(through: Split.description.identifier) else {
            throw BuildError.correction("the pipeline has no split stage")
        }
        var document = Document(id: entry.id, sourceFile: entry.sourceFile, rawBytes: try RawCorpus.read(entry))
        var diagnostics: [Diagnostic] = []
        do {
            try pipeline.run(&document, diagnostics: &diagnostics)
        } catch let error as StandoffError {
            throw BuildError.core(error)
        }
        return document
    }

    /// The sentence named `sentenceID` now.
    func sentence(_ sentenceID: String) throws -> Sentence {
        guard let cut = sentenceID.range(of: "-s", options: .backwards), let index = Int(sentenceID[cut.upperBound...]) else {
            throw BuildError.correction("'\(sentenceID)' is not a sentence id (<doc_id>-s<number>, as in data/sentences)")
        }
        let document = try document(String(sentenceID[..<cut.lowerBound]))
        guard document.sentences.indices.contains(index) else {
            throw BuildError.correction("\(sentenceID): the document has \(document.sentences.count) sentences")
        }
        return document.sentences[index]
    }

    /// Records a stance correction.
    public func stance(sentenceID: String, target: String, label: String?, holder: String?, by: String, why: String) throws -> String {
        let targets = try build.loadRules().stance.targetList.map(\.id)
        guard targets.contains(target) else {
            throw BuildError.correction("target '\(target)' is not declared in annotations/rules/stance-targets.jsonl; the targets are \(targets.joined(separator: ", "))")
        }
        let sentence = try sentence(sentenceID)
        return try append([
            "action": .string(Correction.Action.setStance.rawValue), "sentence_id": .string(sentenceID),
            "sentence_sha256": .string(Correction.fingerprint(sentence.text)), "target": .string(target),
            "label": .optional(label), "holder": .optional(holder), "by": .string(by), "why": .string(why),
        ])
    }

    /// Records a mention correction for the `occurrence`-th (1-based) `text` in the sentence.
    public func mention(_ action: Correction.Action, sentenceID: String, text: String, occurrence: Int,
                        type: String?, entityID: String?, entityName: String?, by: String, why: String) throws -> String {
        let sentence = try sentence(sentenceID)
        let scalars = Array(sentence.text.unicodeScalars)
        let needle = Array(text.unicodeScalars)
        var found: [Int] = []
        if !needle.isEmpty && needle.count <= scalars.count {
            for start in 0...(scalars.count - needle.count) where Array(scalars[start..<(start + needle.count)]) == needle { found.append(start) }
        }
        guard !found.isEmpty else {
            throw BuildError.correction("\(sentenceID): '\(text)' does not occur in \"\(sentence.text)\"; copy the mention's exact text")
        }
        guard occurrence >= 1, occurrence <= found.count else {
            throw BuildError.correction("\(sentenceID): '\(text)' occurs \(found.count) time(s) in \"\(sentence.text)\"; pass --occurrence 1…\(found.count)")
        }
        return try append([
            "action": .string(action.rawValue), "sentence_id": .string(sentenceID),
            "sentence_sha256": .string(Correction.fingerprint(sentence.text)), "text": .string(text),
            "start": .integer(found[occurrence - 1]), "type": .optional(type), "entity_id": .optional(entityID),
            "entity_name": .optional(entityName), "by": .string(by), "why": .string(why),
        ])
    }

    /// Records that raw line `line` of document `documentID` is body (`keep`) or boilerplate.
    public func line(documentID: String, line: Int, keep: Bool, by: String, why: String) throws -> String {
        let document = try document(documentID)
        let lines = document.rawText.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.indices.contains(line - 1), !lines[line - 1].allSatisfy(\.isWhitespace) else {
            throw BuildError.correction("\(document.sourceFile):\(line): no such non-blank line")
        }
        return try append([
            "action": .string((keep ? Correction.Action.keepLine : .removeLine).rawValue), "doc_id": .string(documentID),
            "line": .integer(line), "line_sha256": .string(Correction.fingerprint(String(lines[line - 1]))),
            "by": .string(by), "why": .string(why),
        ])
    }

    /// Checks the line decodes as a valid correction, then appends it; returns the line.
    func append(_ members: [String: JSONValue]) throws -> String {
        let line = JSONValue.object(members.filter { $0.value != .null }).rendered
        do {
            _ = try CorrectionSet.decode(file: build.options.correctionsPath, contents: line)
        } catch let error as StandoffError {
            throw BuildError.core(error)
        }
        let path = build.options.correctionsPath
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        try FileOutput.write(existing + separator + line + "\n", to: path)
        return line
    }
}
