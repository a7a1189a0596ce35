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
        /// The document's stance per target, in target order.
        public var stances: [DocumentStance] = []
    }

    /// Documents in id order, packed: this and the diagnostics are what grows with the corpus.
    public var documents = PackedArray<DocumentEntry>()
    /// Rows per table.
    public var rowCounts: [String: Int] = [:]
    /// Removed raw lines per reason.
    public var removedReasons: [String: Int] = [:]
    /// Mentions per type, top entities, stance labels.
    public var statistics = AnnotationStatistics()
    /// Stance rule statistics (set up with the rules by the build).
    public var stanceRules = StanceRuleStatistics()
    /// The stance targets whose document stance is recorded.
    public var stanceTargets: [String] = []
    /// Warnings and errors from every stage.
    public var diagnostics = PackedArray<Diagnostic>()
    /// Time per stage, summed over documents (packaging is timed by the caller).
    public var timings = StageTimings()
    /// Documents whose clean, split and annotate output was read from the document cache.
    public var reusedDocuments = 0

    /// Adds a processed document.
    mutating func add(_ document: Document) {
        documents.append(DocumentEntry(
            id: document.id, sourceFile: document.sourceFile, sourceSHA256: document.sourceSHA256,
            title: document.metadata.title, authors: document.metadata.authors,
            publication: document.metadata.publication, published: document.metadata.published,
            paragraphs: document.paragraphs.count, sentences: document.sentences.count, removed: document.removed.count,
            stances: stanceTargets.map { DocumentStance.aggregate(document.stances, target: $0) }))
        stanceRules.add(document)
        for (table, count) in document.rendered.rowCounts { rowCounts[table, default: 0] += count }
        for line in document.removed { removedReasons[line.reason, default: 0] += 1 }
        statistics.add(document)
    }

    /// `5 documents, 159 sentences, 473 mentions, 47 removed lines, 0 warnings`.
    public var line: String {
        "\(documents.count) documents, \(rowCounts["sentences"] ?? 0) sentences, \(rowCounts["mentions"] ?? 0) mentions, " +
            "\(rowCounts["removed"] ?? 0) removed lines, \(warningCount) warnings"
    }

    /// Each document's stance per target and the stance rule statistics, as Markdown sections
    /// (headings at `level`), for `standoff stats` and the dataset card.
    public func stanceMarkdown(level: Int = 2, documentLimit: Int = .max) -> String {
        let heading = String(repeating: "#", count: level) + " "
        var output = ""
        for target in stanceTargets {
            output += heading + "Document stance toward `\(target)`\n\n"
            output += "Author sentences only; `favor` when favor outnumbers against, `against` when the reverse, else `none`.\n\n"
            if documents.count > documentLimit {
                output += AnnotationStatistics.tooManyDocuments(documents.count, limit: documentLimit, table: "documents") + "\n"
                continue
            }
            output += "| doc_id | stance | favor | against | none |\n|---|---|---:|---:|---:|\n"
            for document in documents {
                guard let stance = document.stances.first(where: { $0.target == target }) else { continue }
                output += "| `\(document.id)` | \(stance.label) | \(stance.favor) | \(stance.against) | \(stance.none) |\n"
            }
            output += "\n"
        }
        output += heading + "Stance rules\n\n"
        output += "Over \(stanceRules.stanceRows) stance rows: `fired` rows and their share (`coverage`); `overlaps`, rows where a favor or "
            + "against cue of another rule also fired; for cue rules `agreements` and `conflicts`, another cue gave the same or the opposite "
            + "label (a cue that gives `none` abstains); `decided`, rows whose label changes when this rule alone is switched off.\n\n"
        return output + stanceRules.markdown + "\n"
    }

    /// Each document's stance per target, as JSON.
    public var documentStancesJSON: JSONValue {
        .array(documents.map { document in
            .object(["doc_id": .string(document.id), "stances": .array(document.stances.map(\.json))])
        })
    }

    /// The errors among the diagnostics.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// How many of the diagnostics are warnings, counted without collecting them.
    public var warningCount: Int { diagnostics.lazy.filter { $0.severity == .warning }.count }

    /// The warnings among the diagnostics, sorted by location, stage, code and message, each decoded when it is read.
    ///
    /// At 100k documents there are about 90,000 warnings; as one array of structs of strings they
    /// were the largest thing a run held at its end. They mostly arrive in order already, which one
    /// pass checks; otherwise only their positions and locations are sorted.
    public var sortedWarnings: LazyMapCollection<[Int], Diagnostic> {
        var positions: [Int] = []
        var inOrder = true
        var previous: Diagnostic?
        for (position, diagnostic) in diagnostics.enumerated() where diagnostic.severity == .warning {
            if let previous, diagnostic < previous { inOrder = false }
            previous = diagnostic
            positions.append(position)
        }
        if !inOrder {
            let diagnostics = self.diagnostics
            let locations = positions.map { diagnostics[$0].location }
            positions = positions.indices.sorted { left, right in
                locations[left] != locations[right] ? locations[left] < locations[right]
                    : diagnostics[positions[left]] < diagnostics[positions[right]]
            }.map { positions[$0] }
        }
        return positions.lazy.map { [diagnostics] in diagnostics[$0] }
    }

    /// The warnings among the diagnostics.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

extension CorpusSummary.DocumentEntry: Packable {
    public func pack(into writer: inout PackWriter) {
        writer.write(id)
        writer.write(sourceFile)
        writer.write(hexDigest: sourceSHA256)
        writer.write(title)
        writer.write(pooled: authors)
        writer.write(pooled: publication)
        writer.write(pooled: published)
        writer.write(paragraphs)
        writer.write(sentences)
        writer.write(removed)
        writer.write(stances.count)
        for stance in stances { stance.pack(into: &writer) }
    }

    public init(unpacking reader: inout PackReader) {
        self.init(id: reader.readString(), sourceFile: reader.readString(), sourceSHA256: reader.readHexDigest(), title: reader.readOptionalString(),
                  authors: reader.readPooledStrings(), publication: reader.readPooledOptional(), published: reader.readPooledOptional(),
                  paragraphs: reader.readInt(), sentences: reader.readInt(), removed: reader.readInt(),
                  stances: (0..<reader.readInt()).map { _ in DocumentStance(unpacking: &reader) })
    }
}
