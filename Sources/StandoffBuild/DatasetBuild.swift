import Crypto
import Foundation
import StandoffCore

/// Runs the pipeline over the raw folder and writes what each command asks for under the
/// build folder: a single stage's output, the release folder, or the archives.
///
/// Documents stream through the stages one at a time; only a short summary of each is kept.
public struct DatasetBuild: Sendable {
    /// Where to read and write.
    public let options: BuildOptions

    /// Creates a build with `options`.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// The rule files' text by name; a missing file is left out (decoding names it).
    func ruleFileContents() -> [String: String] {
        var contents: [String: String] = [:]
        for name in RuleSet.FileName.all {
            if let data = FileManager.default.contents(atPath: options.rulesFolder + "/" + name) {
                contents[name] = String(decoding: data, as: UTF8.self)
            }
        }
        return contents
    }

    /// SHA-256 over every rule file, name and text, in name order: which rules made a release.
    func rulesFingerprint() -> String {
        FileOutput.sha256(ofText: ruleFileContents().sorted { $0.key < $1.key }.map { "\($0.key)\n\($0.value)\n" }.joined())
    }

    /// Reads the rule files under `annotations/rules/`.
    ///
    /// - Throws: ``BuildError/missingRuleFiles(folder:names:)`` when any is missing, which outside a
    ///   project folder is all of them; ``BuildError/core(_:)`` for a bad line.
    public func loadRules() throws -> RuleSet {
        let contents = ruleFileContents()
        let missing = RuleSet.FileName.all.filter { contents[$0] == nil }
        guard missing.isEmpty else { throw BuildError.missingRuleFiles(folder: options.rulesFolder, names: missing) }
        do {
            return try RuleSet(contents: contents, folder: options.rulesFolder)
        } catch let error as StandoffError {
            throw BuildError.core(error)
        }
    }

    /// The abbreviations for splitting text on its own: the rule file under `annotations/rules/`
    /// when there is one, else, with `builtInWhenAbsent`, the copy compiled into the program, so
    /// the splitter works in any folder.
    public func loadAbbreviations(builtInWhenAbsent: Bool) throws -> AbbreviationLexicon {
        let path = options.rulesFolder + "/" + RuleSet.FileName.abbreviations
        guard let data = FileManager.default.contents(atPath: path) else {
            guard builtInWhenAbsent else { throw BuildError.missingRuleFiles(folder: options.rulesFolder, names: [RuleSet.FileName.abbreviations]) }
            return .builtIn
        }
        do {
            return try AbbreviationLexicon.decode(file: path, contents: String(decoding: data, as: UTF8.self))
        } catch let error as StandoffError {
            throw BuildError.core(error)
        }
    }

    /// The corrections file; an absent file means no corrections.
    public func loadCorrections() throws -> CorrectionSet {
        guard options.appliesCorrections, let data = FileManager.default.contents(atPath: options.correctionsPath) else { return .none }
        do {
            return try CorrectionSet.decode(file: options.correctionsPath, contents: String(decoding: data, as: UTF8.self))
        } catch let error as StandoffError {
            throw BuildError.core(error)
        }
    }

    /// The full pipeline with `rules` (by default, the project's) and the corrections.
    public func pipeline(rules: RuleSet? = nil) throws -> Pipeline {
        do {
            return try Pipeline.standard(rules: rules ?? loadRules(), corrections: loadCorrections(), snapshot: options.snapshotFolder != nil)
        } catch let error as StandoffError {
            throw BuildError.core(error)
        }
    }

    /// What happened to one raw file in a worker: the finished document, or the error that stopped it.
    private struct Outcome: Sendable {
        var document: Document?
        var diagnostics: [Diagnostic] = []
        var timings = StageTimings()
        /// Whether the cached stages' output was read back rather than computed.
        var reused = false
        /// The document's cache entry, read back or made now, for this run's pack.
        var cacheEntry: [UInt8]?
    }

    /// A pipeline as a worker runs it: whole, or in three parts around the cached stages.
    private struct WorkerPipeline: Sendable {
        var whole: Pipeline
        /// Ingest; the cached stages; the rest (corrections, validation, export); and the cache. `nil`
        /// without a cache or when the pipeline stops before the last cached stage.
        var parts: (ingest: Pipeline, cached: Pipeline, rest: Pipeline, cache: DocumentCache)?

        init(_ pipeline: Pipeline, cache: DocumentCache?) {
            whole = pipeline
            guard let cache, let (ingest, afterIngest) = pipeline.split(after: Ingest.description.identifier),
                  let (cached, rest) = afterIngest.split(after: DocumentCache.lastCachedStage) else { return }
            parts = (ingest, cached, rest, cache)
        }
    }

    /// Runs `pipeline` over every raw file, handing each finished document to `handle` in file
    /// order; `rules` name the stance targets and rules the summary counts. Input errors are
    /// collected (every bad file is reported), not thrown.
    ///
    /// Documents are processed on `options.jobs` threads, each running `pipeline` itself (so a
    /// caller's own stages and rules apply to every document), and handed on in order as each is
    /// done, so the output is the same for any number of jobs, tables are written while the
    /// threads work, and memory holds a window of documents, never the corpus.
    func process(_ pipeline: Pipeline, rules: RuleSet, writesCache: Bool = true, handle: (Document) throws -> Void) throws -> CorpusSummary {
        let corpus = try RawCorpus(folder: options.rawFolder)
        var summary = CorpusSummary()
        summary.stanceTargets = rules.stance.targetList.map(\.id)
        summary.stanceRules = StanceRuleStatistics(rules: rules.stance)
        // Raw SHA-256's first 128 bits → the first document with them, by position in the summary;
        // two machine words per document, as it lives for the whole run. The full hash is compared on a hit.
        var firstWithContent: [DigestPrefix: Int] = [:]
        // Sized once: growing would rehash into a table twice the size while the old one is held.
        firstWithContent.reserveCapacity(corpus.entries.count)
        var progress = ProgressDisplay(total: corpus.entries.count, enabled: options.progress)
        // More threads than documents do nothing.
        let jobs = max(1, min(options.jobs, corpus.entries.count, BuildOptions.maximumJobs))
        let cache = options.cache.map {
            DocumentCache(root: options.cacheFolder, rulesFingerprint: rulesFingerprint(), writes: writesCache && $0 == .readWrite)
        }
        // Every thread runs the pipeline it was given, a value they share: the caller's stages
        // and rules, never a pipeline rebuilt from the rule files.
        let worker = WorkerPipeline(pipeline, cache: cache)
        // Only a pipeline through the cached stages makes entries; a stage command that stops
        // before them must leave the last pack alone, not replace it with an empty one.
        let cacheWriter = worker.parts == nil ? nil : cache?.makeWriter()
        // Workers run at most this many documents ahead of the tables, which bounds what is held.
        let window = jobs * 32
        try ParallelMap.forEachInOrder(corpus.entries, jobs: jobs, window: window, { [worker] _, entry in
            Self.process(entry, pipeline: worker)
        }, consume: { entry, outcome in
            summary.diagnostics += outcome.diagnostics
            summary.timings.merge(outcome.timings)
            if outcome.reused { summary.reusedDocuments += 1 }
            if let bytes = outcome.cacheEntry { cacheWriter?.append(bytes, sourceFile: entry.sourceFile) }
            progress.advance(bytes: outcome.document?.sourceSize ?? 0)
            guard let document = outcome.document else { return }
            let prefix = DigestPrefix(hex: document.sourceSHA256)
            if let position = firstWithContent[prefix] {
                let first = summary.documents[position]
                if first.sourceSHA256 == document.sourceSHA256 {
                    summary.diagnostics.append(Diagnostic(severity: .warning, stage: Ingest.description.identifier, code: "duplicate-content",
                                                          location: entry.sourceFile,
                                                          message: "same bytes as \(first.sourceFile); both are kept"))
                }
            } else {
                firstWithContent[prefix] = summary.documents.count
            }
            try handle(document)
            summary.add(document)
        })
        progress.finish()
        cacheWriter?.finish()
        if pipeline.identifiers.contains(Correct.description.identifier) {
            summary.diagnostics += try loadCorrections().orphans(documentIDs: Set(corpus.entries.map(\.id)))
        }
        if summary.errors.isEmpty { cache?.removeStaleFiles() }
        return summary
    }

    /// Reads one raw file and runs the pipeline over it; errors become diagnostics naming the file.
    private static func process(_ entry: RawCorpus.Entry, pipeline: WorkerPipeline) -> Outcome {
        var outcome = Outcome()
        do {
            var document = Document(id: entry.id, sourceFile: entry.sourceFile, rawBytes: try RawCorpus.read(entry))
            if let (ingest, cached, rest, cache) = pipeline.parts {
                try ingest.run(&document, diagnostics: &outcome.diagnostics, timings: &outcome.timings)
                let clock = ContinuousClock()
                var start = clock.now
                if let (entry, bytes) = cache.load(document) {
                    entry.apply(to: &document)
                    outcome.diagnostics += entry.diagnostics
                    outcome.reused = true
                    if cache.writes { outcome.cacheEntry = bytes }
                    // The skipped stages are listed (at no time) so timings keep the pipeline's order.
                    for stage in cached.identifiers { outcome.timings.add(.zero, to: stage) }
                } else {
                    var diagnostics: [Diagnostic] = []
                    try cached.run(&document, diagnostics: &diagnostics, timings: &outcome.timings)
                    start = clock.now
                    if cache.writes { outcome.cacheEntry = CachedDocument(document, diagnostics: diagnostics).bytes }
                    outcome.diagnostics += diagnostics
                }
                // Reading or encoding the entry, shown as a stage of its own.
                outcome.timings.add(clock.now - start, to: "cache")
                try rest.run(&document, diagnostics: &outcome.diagnostics, timings: &outcome.timings)
            } else {
                try pipeline.whole.run(&document, diagnostics: &outcome.diagnostics, timings: &outcome.timings)
            }
            outcome.document = document
        } catch let error as StandoffError {
            // The location is the file already; the message need not repeat it.
            let message = error.description.hasPrefix(entry.sourceFile + ": ")
                ? String(error.description.dropFirst(entry.sourceFile.count + 2)) : error.description
            outcome.diagnostics.append(Diagnostic(severity: .error, stage: DatasetBuild.stage(of: error), code: DatasetBuild.code(of: error),
                                                  location: entry.sourceFile, message: message))
        } catch {
            outcome.diagnostics.append(Diagnostic(severity: .error, stage: Ingest.description.identifier, code: "unreadable",
                                                  location: entry.sourceFile, message: "\(error)"))
        }
        return outcome
    }

    /// Runs the stages up to and including `stage` and writes each document's state as one
    /// JSON line to `build/<stage>.jsonl`.
    public func runStage(_ stage: String) throws -> CorpusSummary {
        let rules = try loadRules()
        guard let pipeline = try pipeline(rules: rules).prefix(through: stage) else {
            throw BuildError.unreadable(path: stage, reason: "no such stage")
        }
        try FileOutput.makeFolder(options.buildFolder)
        let path = options.stageOutputPath(stage)
        let output = try BufferedFile(path: path + ".partial")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let summary = try process(pipeline, rules: rules) { document in
            try output.write(String(decoding: try encoder.encode(document), as: UTF8.self) + "\n")
        }
        try output.close()
        try finish(summary, manifest: nil)
        try FileOutput.rename(path + ".partial", to: path)
        return summary
    }

    /// Runs the stages through `validate` in memory and returns what they saw, writing nothing:
    /// the counts `standoff stats` prints. Errors fail as they would in a build.
    public func statistics() throws -> CorpusSummary {
        let rules = try loadRules()
        guard let pipeline = try pipeline(rules: rules).prefix(through: Validate.description.identifier) else {
            throw BuildError.unreadable(path: Validate.description.identifier, reason: "no such stage")
        }
        // Reads cached documents but writes none: statistics leave the build folder as it was.
        let summary = try process(pipeline, rules: rules, writesCache: false) { _ in }
        if !summary.errors.isEmpty {
            throw BuildError.failed(errors: summary.errors.sorted().map(\.rendered), reportPath: nil)
        }
        return summary
    }

    /// Runs every stage and writes the release folder `build/release/<name>-<version>/`:
    /// `data/` tables, `README.md` (the dataset card) and `SHA256SUMS`.
    public func export() throws -> (summary: CorpusSummary, releaseFolder: String) {
        let manifest = try DatasetManifest.load(path: options.manifestPath)
        // Read first, so a bad path fails before the run, and an archive about to be replaced can be the previous one.
        let previous = try options.previousRelease.map { try ReleaseReader.load($0) }
        let rules = try loadRules()
        let pipeline = try pipeline(rules: rules)
        let staging = options.temporaryFolder + "/" + manifest.releaseName
        FileOutput.remove(staging)
        try FileOutput.makeFolder(staging + "/data")
        defer { FileOutput.remove(staging) }

        let tables = try TableFiles(folder: staging + "/data", tables: rules.tables.all)
        let snapshot = options.snapshotFolder.map { AnnotationSnapshot(folder: $0, staging: options.temporaryFolder + "/snapshot") }
        try snapshot?.begin()
        let context = ReportContext(rules: rules)
        var report = try ReportFolder(folder: staging + "/report", context: context, pageLimit: options.reportPageLimit)
        var summary = try process(pipeline, rules: rules) { document in
            try tables.append(document.rendered)
            try snapshot?.add(document)
            try report.add(document)
        }
        summary.diagnostics += ManifestCheck(manifest: manifest, options: options).diagnostics
        let dataFiles = try tables.close()
        try finish(summary, manifest: manifest)
        try snapshot?.commit()
        try report.finish(name: "\(manifest.title) \(manifest.version)", summary: summary)

        var reasons = Dictionary(uniqueKeysWithValues: rules.boilerplate.rules.map { ($0.rule.id, $0.rule.summary) })
        for reason in Clean.heuristicReasons + [Clean.correctionReason] { reasons[reason.id] = reason.summary }
        let package = DataPackage(manifest: manifest, summary: summary, tables: rules.tables, dataFiles: dataFiles, rulesFingerprint: rulesFingerprint(),
                                  sourceCommit: options.sourceCommit)
        try FileOutput.write(package.json, to: staging + "/datapackage.json")
        try FileOutput.write(CitationFile(manifest: manifest, fingerprint: package.fingerprint, sourceCommit: options.sourceCommit).text,
                             to: staging + "/CITATION.cff")
        let changes = try previous.map { DatasetDiff(old: $0, new: try ReleaseReader.load(staging)) }
        let card = DatasetCard(manifest: manifest, summary: summary, tables: rules.tables, stanceRules: rules.stance,
                               reasonSummaries: reasons, fingerprint: package.fingerprint, sourceCommit: options.sourceCommit, changes: changes)
        try FileOutput.write(card.markdown, to: staging + "/README.md")
        try ReleaseChecksums.write(folder: staging, known: dataFiles)
        let release = options.releaseParent + "/" + manifest.releaseName
        try FileOutput.makeFolder(options.releaseParent)
        FileOutput.remove(release)
        try FileOutput.rename(staging, to: release)
        try ReportFolder.copy(release + "/report", to: options.reportFolder)
        return (summary, release)
    }

    /// Runs the stages through validate in memory (reading, not writing, the document cache) and
    /// writes only the HTML report to `folder` (by default `build/report`): the same pages
    /// `standoff run` puts in the release. Errors fail as they would in a build.
    public func report(folder: String? = nil) throws -> (summary: CorpusSummary, folder: String) {
        let manifest = try DatasetManifest.load(path: options.manifestPath)
        let rules = try loadRules()
        guard let pipeline = try pipeline(rules: rules).prefix(through: Validate.description.identifier) else {
            throw BuildError.unreadable(path: Validate.description.identifier, reason: "no such stage")
        }
        let destination = folder ?? options.reportFolder
        let staging = options.temporaryFolder + "/report"
        var report = try ReportFolder(folder: staging, context: ReportContext(rules: rules), pageLimit: options.reportPageLimit)
        let summary = try process(pipeline, rules: rules, writesCache: false) { document in
            try report.add(document)
        }
        if !summary.errors.isEmpty {
            FileOutput.remove(staging)
            throw BuildError.failed(errors: summary.errors.sorted().map(\.rendered), reportPath: nil)
        }
        try report.finish(name: "\(manifest.title) \(manifest.version)", summary: summary)
        try FileOutput.makeFolder(URL(fileURLWithPath: destination).deletingLastPathComponent().path)
        FileOutput.remove(destination)
        try FileOutput.rename(staging, to: destination)
        return (summary, destination)
    }

    /// Packs the exported release folder into `build/dist/`; with `release`, refuses to replace
    /// an archive of the same version whose data differ.
    public func package(release: Bool = false) throws -> [String] {
        let manifest = try DatasetManifest.load(path: options.manifestPath)
        return try ReleasePackager(
            releaseFolder: options.releaseParent + "/" + manifest.releaseName,
            distFolder: options.distFolder,
            temporaryFolder: options.temporaryFolder,
            modificationTime: options.sourceDateEpoch ?? manifest.releasedEpoch!,
            protectReleasedVersion: release
        ).package()
    }

    /// Every stage: the release folder, then both archives. With `reuse`, when the inputs and
    /// the outputs of the last complete run are unchanged (see ``BuildStamp``), nothing is
    /// rebuilt and `upToDate` holds the last run's summary line and warnings.
    public func run(release: Bool = false, reuse: Bool = false)
        throws -> (summary: CorpusSummary, archives: [String], upToDate: (line: String, warnings: [String])?) {
        let fingerprint = try inputFingerprint(release: release)
        if reuse, let stamp = BuildStamp.load(path: options.stampPath), stamp.inputs == fingerprint,
           stamp.outputsIntact(snapshotFolder: options.snapshotFolder) {
            return (CorpusSummary(), stamp.outputs.keys.filter { $0.hasPrefix(options.distFolder + "/") }.sorted(),
                    (stamp.summary, BuildStamp.warnings(inReport: options.validationReportPath)))
        }
        // A run that stops half way must not leave a stamp vouching for its outputs.
        FileOutput.remove(options.stampPath)
        let (summary, releaseFolder) = try export()
        let archives = try package(release: release)
        var outputs: [String: String] = [:]
        for path in archives + [releaseFolder + "/SHA256SUMS", options.validationReportPath, options.reportFolder + "/index.html"] { outputs[path] = try FileOutput.sha256(ofFile: path) }
        if let snapshot = options.snapshotFolder {
            for name in FileOutput.files(below: snapshot) where name.hasSuffix(".jsonl") {
                outputs[snapshot + "/" + name] = try FileOutput.sha256(ofFile: snapshot + "/" + name)
            }
        }
        try BuildStamp(inputs: fingerprint, outputs: outputs, summary: summary.line).write(to: options.stampPath)
        return (summary, archives, nil)
    }

    /// SHA-256 over everything that decides a run's output: the program, the options that
    /// change bytes, the manifest, rule files, corrections, and every raw file's path and bytes.
    func inputFingerprint(release: Bool) throws -> String {
        var lines = [
            "program \(BuildStamp.programFingerprint)",
            // The build folder too: a copied build folder's stamp must not vouch for the copy's files.
            "options raw=\(options.rawFolder) annotations=\(options.annotationsFolder) build=\(options.buildFolder) strict=\(options.strict) release=\(release) " +
                "epoch=\(options.sourceDateEpoch.map(String.init) ?? "-") snapshot=\(options.snapshotFolder ?? "-")",
            // The card, datapackage.json and CITATION.cff name it, so another commit is another output.
            "commit \(options.sourceCommit)",
            "manifest \((try? FileOutput.sha256(ofFile: options.manifestPath)) ?? "-")",
            "rules \(rulesFingerprint())",
            "corrections \((try? FileOutput.sha256(ofFile: options.correctionsPath)) ?? "-")",
        ]
        if let previous = options.previousRelease {
            lines.append("previous \(previous) \(try ReleaseReader.contentFingerprint(previous))")
        }
        // Hashed line by line: at 100k raw files the lines joined were tens of megabytes.
        var hasher = SHA256()
        hasher.update(data: Data(lines.joined(separator: "\n").utf8))
        for entry in try RawCorpus(folder: options.rawFolder).entries {
            // An entry that cannot be read is reported by the run itself, with every other bad entry.
            let hash = (try? RawCorpus.sha256(entry.path)) ?? "unreadable"
            hasher.update(data: Data("\nraw \(entry.sourceFile) \(hash)".utf8))
        }
        return FileOutput.hex(hasher.finalize())
    }

    /// Writes the validation report and fails on errors (or on warnings under `--strict`).
    func finish(_ summary: CorpusSummary, manifest: DatasetManifest?) throws {
        try FileOutput.makeFolder(options.buildFolder)
        try ValidationReport(manifest: manifest, summary: summary).write(to: options.validationReportPath)
        if !summary.errors.isEmpty {
            throw BuildError.failed(errors: summary.errors.sorted().map(\.rendered), reportPath: options.validationReportPath)
        }
        if options.strict, case let count = summary.warningCount, count > 0 {
            throw BuildError.strictWarnings(count: count, reportPath: options.validationReportPath)
        }
    }

    /// The stage an error belongs to, for diagnostics.
    static func stage(of error: StandoffError) -> String {
        switch error {
        case .invalidUTF8, .nulByte, .emptyFile, .multiple: return Ingest.description.identifier
        case .invariant: return Validate.description.identifier
        case .invalidRule, .stageOrder: return "rules"
        }
    }

    /// A stable code for an error, for diagnostics.
    static func code(of error: StandoffError) -> String {
        switch error {
        case .invalidUTF8: return "invalid-utf8"
        case .nulByte: return "binary-file"
        case .emptyFile: return "empty-file"
        case let .invariant(_, _, invariant, _): return invariant
        case .invalidRule: return "invalid-rule"
        case .stageOrder: return "stage-order"
        case .multiple: return "multiple"
        }
    }
}

/// The first 128 bits of a hex SHA-256, as a small dictionary key.
struct DigestPrefix: Hashable {
    let high: UInt64
    let low: UInt64

    init(hex: String) {
        let digits = hex.utf8
        func word(_ offset: Int) -> UInt64 {
            guard digits.count >= offset + 16 else { return 0 }
            let start = digits.index(digits.startIndex, offsetBy: offset)
            return UInt64(Substring(digits[start..<digits.index(start, offsetBy: 16)]), radix: 16) ?? 0
        }
        high = word(0)
        low = word(16)
    }
}
