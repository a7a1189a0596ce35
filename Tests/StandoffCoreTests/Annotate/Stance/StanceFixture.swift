import StandoffTestSupport
@testable import StandoffCore

/// The project's stance rules, decoded once, and a helper that annotates short passages the way
/// the pipeline does: sentences, entity mentions, then stance.
enum StanceFixture {
    static let rules = TestRules.ruleSet.stance
    static let annotator = ExampleStages.project.stance
    static let target = "japan-dprk-dialogue"
    /// Put before every example: it names the target's talks, so the running topic is set as in an
    /// article about them.
    static let context = ExampleStages.stanceContext

    /// The rows of `text` (with `prefix` first and the context sentence before the passage unless
    /// `context` is nil), and the document they belong to.
    static func annotate(_ passage: String, prefix: String = "", context: String? = context) -> (document: Document, stances: [Stance]) {
        ExampleStages.project.stances(passage, prefix: prefix, context: context)
    }

    /// The row of the passage's last sentence toward the target.
    static func lastRow(_ passage: String, prefix: String = "", context: String? = context) -> (document: Document, stance: Stance) {
        ExampleStages.project.lastRow(passage, prefix: prefix, context: context, target: target)
    }

    /// What a row says, for failure messages: label, holder, rules and cues.
    static func describe(_ stance: Stance) -> String {
        "\(stance.label) (score \(stance.score)), holder \(stance.holder), rules \(stance.rules), cues \(stance.cues.map { "'\($0.text)'→\($0.rule)\($0.label.map { ":" + $0 } ?? "")" })"
    }
}
