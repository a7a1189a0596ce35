/// Adds entity mentions and stance rows to each sentence.
///
/// Reads: `sentences`, `text`. Assigns: `mentions`, `stances`.
/// Entity mentions come from the gazetteer and name patterns, stance rows from the stance targets,
/// cues and holder words (`annotations/rules/`) and the operators in code; stance rules read the
/// mentions, so entities come first.
public struct Annotate: Stage {
    public static let description = StageDescription(
        identifier: "annotate",
        summary: "Add typed, linked entity mentions by gazetteer, name patterns and in-document linking, then one stance row per sentence and target.",
        requires: [.sentences],
        assigns: [.mentions, .stances],
        examples: [
            StageExample(input: "“Talks would only reward Pyongyang,” said Ms. Kim. (in an article on Japan–North Korea talks)",
                         output: "stance japan-dprk-dialogue: against, holder kim-yo-jong, rules target-implied, reward-adversary, holder-speech-verb"),
        ]
    )

    /// The entity annotator.
    public let entities: EntityAnnotator
    /// The stance annotator.
    public let stance: StanceAnnotator

    /// Creates the stage.
    public init(entities: EntityAnnotator, stance: StanceAnnotator) {
        self.entities = entities
        self.stance = stance
    }

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        document.mentions = entities.mentions(in: document, diagnostics: &diagnostics)
        document.stances = stance.stances(in: document)
    }
}
