import StandoffCore

/// What a build saw, gathered as documents stream past: enough for the dataset card and the
/// validation report without keeping any document in memory.
public struct CorpusSummary: Sendable {
    /// One document's card entry.
    public struct DocumentEntry: Sendable, Equatable {
        public var id: String
        public var sourceFile: String
        public var sourceSHA256: String
        public var title: String?
        public var authors: [String]
        public var publication: String?
        public var published: String?
        public var paragraphs: Int
        public var sentences: Int
        public var removed: Int
    }

    /// Documents in id order.
    public var documents: [DocumentEntry] = []
    /// Rows per table.
    public var rowCounts: [String: Int] = [:]
    /// Removed raw lines per reason.
    public var removedReasons: [String: Int] = [:]
    /// Mentions per type, top entities, stance labels.
    public var statistics = AnnotationStatistics()
    /// Warnings and errors from every stage.
    public var diagnostics: [Diagnostic] = []
    /// Time per stage, summed over documents (packaging is timed by the caller).
    public var timings = StageTimings()

    /// Adds a processed document.
    mutating func add(_ document: Document) {
        documents.append(DocumentEntry(
            id: document.id, sourceFile: document.sourceFile, sourceSHA256: document.sourceSHA256,
            title: document.metadata.title, authors: document.metadata.authors,
            publication: document.metadata.publication, published: document.metadata.published,
            paragraphs: document.paragraphs.count, sentences: document.sentences.count, removed: document.removed.count))
        for (table, count) in document.rendered.rowCounts { rowCounts[table, default: 0] += count }
        for line in document.removed { removedReasons[line.reason, default: 0] += 1 }
        statistics.add(document)
    }

    /// `5 documents, 159 sentences, 473 mentions, 47 removed lines, 0 warnings`.
    public var line: String {
        "\(documents.count) documents, \(rowCounts["sentences"] ?? 0) sentences, \(rowCounts["mentions"] ?? 0) mentions, " +
            "\(rowCounts["removed"] ?? 0) removed lines, \(warnings.count) warnings"
    }

    /// The errors among the diagnostics.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings among the diagnostics.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
