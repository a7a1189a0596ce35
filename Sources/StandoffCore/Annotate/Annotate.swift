/// Adds entity mentions and stance rows to each sentence.
///
/// Reads: `sentences`, `text`. Assigns: `mentions`, `stances`.
/// Entity mentions come from the gazetteer and name patterns (`annotations/rules/`); stance
/// rules are not loaded yet, so the stance table holds only its header.
public struct Annotate: Stage {
    public static let description = StageDescription(
        identifier: "annotate",
        summary: "Add typed, linked entity mentions by gazetteer, name patterns and in-document linking (stance rows once stance rules are loaded).",
        requires: [.sentences],
        assigns: [.mentions, .stances],
        examples: []
    )

    /// The entity annotator.
    public let entities: EntityAnnotator

    /// Creates the stage.
    public init(entities: EntityAnnotator) {
        self.entities = entities
    }

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        document.mentions = entities.mentions(in: document, diagnostics: &diagnostics)
        document.stances = []
    }
}
