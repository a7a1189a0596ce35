/// An ordered list of stages run over one document at a time.
///
/// Construction checks that every field a stage reads is assigned by an earlier stage, so a
/// mis-ordered pipeline fails before it touches any document.
public struct Pipeline: Sendable {
    /// The stages, in the order they run.
    public let stages: [any Stage]
    /// What documents hold before the first stage runs.
    public let given: Set<DocumentField>

    /// Creates a pipeline, checking that each stage's inputs are produced upstream or `given`
    /// (by default the raw bytes only: a whole pipeline starts from the file).
    public init(stages: [any Stage], given: Set<DocumentField> = [.rawBytes]) throws {
        self.given = given
        var available = given
        for stage in stages {
            let description = type(of: stage).description
            let missing = description.requires.subtracting(available)
            guard missing.isEmpty else {
                throw StandoffError.stageOrder(stage: description.identifier, missing: missing.sorted().map(\.rawValue))
            }
            available.formUnion(description.assigns)
        }
        self.stages = stages
    }

    /// The stage identifiers in order, e.g. `["ingest", "clean", …]`.
    public var identifiers: [String] {
        stages.map { type(of: $0).description.identifier }
    }

    /// Runs every stage over `document`, collecting diagnostics.
    public func run(_ document: inout Document, diagnostics: inout [Diagnostic]) throws {
        for stage in stages {
            try stage.apply(to: &document, diagnostics: &diagnostics)
        }
    }

    /// Runs every stage over `document`, adding each stage's time to `timings`.
    public func run(_ document: inout Document, diagnostics: inout [Diagnostic], timings: inout StageTimings) throws {
        let clock = ContinuousClock()
        for stage in stages {
            let start = clock.now
            try stage.apply(to: &document, diagnostics: &diagnostics)
            timings.add(clock.now - start, to: type(of: stage).description.identifier)
        }
    }

    /// The pipeline cut after the stage named `identifier`; `nil` when no stage has that name.
    public func prefix(through identifier: String) -> Pipeline? {
        guard let last = identifiers.firstIndex(of: identifier) else { return nil }
        // A prefix of a valid pipeline is valid: every stage's inputs come from before it.
        return try? Pipeline(stages: Array(stages[...last]), given: given)
    }

    /// The pipeline cut in two after the stage named `identifier`: the stages up to and including
    /// it, and the rest, which start from what the first part assigns. `nil` when no stage has that name.
    public func split(after identifier: String) -> (head: Pipeline, tail: Pipeline)? {
        guard let last = identifiers.firstIndex(of: identifier), let head = prefix(through: identifier) else { return nil }
        let assigned = head.stages.reduce(into: given) { $0.formUnion(type(of: $1).description.assigns) }
        guard let tail = try? Pipeline(stages: Array(stages[(last + 1)...]), given: assigned) else { return nil }
        return (head, tail)
    }
}
