/// Adds entity mentions and stance rows to each sentence.
///
/// Reads: `sentences`, `text`. Assigns: `mentions`, `stances`.
/// The entity gazetteer and stance cues are separate rule sets; until they are loaded, this
/// stage assigns no rows, and the exported mention and stance tables hold only their headers.
public struct Annotate: Stage {
    public static let description = StageDescription(
        identifier: "annotate",
        summary: "Add entity mentions and per-sentence stance rows by rules (empty until entity and stance rules are loaded).",
        requires: [.sentences],
        assigns: [.mentions, .stances],
        examples: []
    )

    /// Creates the stage.
    public init() {}

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        document.mentions = []
        document.stances = []
    }
}
