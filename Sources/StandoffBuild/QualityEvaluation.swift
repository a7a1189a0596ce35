import Foundation
import StandoffCore

/// Runs the pipeline over a raw folder in memory (no cache, no snapshot, no corrections: the
/// figures measure the rules) and scores the documents against labels read from disk.
public struct QualityEvaluation: Sendable {
    /// What the documents are scored against.
    public enum Truth: Sendable {
        /// A folder of `<doc>.json` gold files in the development-corpus format.
        case gold(folder: String)
        /// A `truth.jsonl` file of page bodies; `converter` picks each page's `in_dump` flags.
        case pages(file: String, converter: String?)
    }

    /// Where raw files and rules are read from (the build folder is not written).
    public var options: BuildOptions
    /// The labels.
    public var truth: Truth
    /// The stance target scored; `nil` for the first target of the rules.
    public var target: String?

    /// Creates an evaluation.
    public init(options: BuildOptions, truth: Truth, target: String? = nil) {
        var options = options
        options.cache = nil
        options.snapshotFolder = nil
        options.appliesCorrections = false
        options.progress = false
        self.options = options
        self.truth = truth
        self.target = target
    }

    /// Runs the pipeline through validate and scores it as the set `name`.
    public func run(name: String) throws -> EvaluationReport {
        // Labels first: a bad gold file fails before minutes of processing.
        let labels = try readTruth()
        let build = DatasetBuild(options: options)
        let rules = try build.loadRules()
        guard let pipeline = try build.pipeline(rules: rules).prefix(through: Validate.description.identifier) else {
            throw BuildError.unreadable(path: Validate.description.identifier, reason: "no such stage")
        }
        var documents: [Document] = []
        let summary = try build.process(pipeline, rules: rules, writesCache: false) { document in
            var kept = document
            kept.rawBytes = []
            documents.append(kept)
        }
        let failures = summary.errors.sorted().map(\.rendered)
        switch labels {
        case let .gold(gold):
            let target = target ?? rules.stance.targetList.first?.id ?? ""
            return EvaluationReport(name: name, gold: GoldEvaluation(documents: documents, gold: gold, target: target), failures: failures)
        case let .pages(pages, converter):
            return EvaluationReport(name: name, pages: PageEvaluation(documents: documents, truth: pages, converter: converter), failures: failures)
        }
    }

    /// Writes a report's text (JSON or Markdown) to `path`, whole or not at all.
    public static func save(_ text: String, to path: String) throws {
        try FileOutput.write(text, to: path)
    }

    enum Labels {
        case gold([GoldDocument])
        case pages([PageTruth], converter: String?)
    }

    func readTruth() throws -> Labels {
        switch truth {
        case let .gold(folder):
            return .gold(try QualityEvaluation.readGold(folder: folder))
        case let .pages(file, converter):
            return .pages(try QualityEvaluation.readPages(file: file), converter: converter)
        }
    }

    /// Every `*.json` file of `folder`, in name order, decoded as gold labels.
    static func readGold(folder: String) throws -> [GoldDocument] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw BuildError.missingFolder(path: folder, role: "gold labels (<doc>.json files)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { throw BuildError.unreadable(path: folder, reason: "holds no <doc>.json gold files") }
        let decoder = JSONDecoder()
        return try names.map { name in
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { throw BuildError.unreadable(path: path, reason: "cannot be read") }
            do {
                return try decoder.decode(GoldDocument.self, from: data)
            } catch {
                throw BuildError.unreadable(path: path, reason: "is not a gold file in the documented format (\(QualityEvaluation.describe(error))); see the README's \"Measuring quality\"")
            }
        }
    }

    /// One ``PageTruth`` per non-blank line of `file`.
    static func readPages(file: String) throws -> [PageTruth] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw BuildError.unreadable(path: file, reason: "cannot be read (a truth.jsonl file of page bodies)")
        }
        let decoder = JSONDecoder()
        var pages: [PageTruth] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            do {
                pages.append(try decoder.decode(PageTruth.self, from: Data(line.utf8)))
            } catch {
                throw BuildError.unreadable(path: "\(file):\(index + 1)", reason: "is not a page truth line (\(QualityEvaluation.describe(error))); each line needs id and articleBody")
            }
        }
        return pages
    }

    /// A decoding error in one phrase: the key path and what was wrong.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case let .keyNotFound(key, context): return "missing key '\(key.stringValue)'\(path(context))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return context.debugDescription + path(context)
        @unknown default: return "\(error)"
        }
    }
}
