import StandoffTestSupport
@testable import StandoffCore

/// The project's stance rules, decoded once, and a helper that annotates short passages the way
/// the pipeline does: sentences, entity mentions, then stance.
enum StanceFixture {
    static let rules = TestRules.ruleSet.stance
    static let annotator = StanceAnnotator(rules: rules)
    static let target = "japan-dprk-dialogue"
    /// Put before every example: it names the target's talks, so the running topic is set as in an
    /// article about them.
    static let context = "Japan and North Korea are weighing a summit."

    /// The rows of `text` (with `prefix` first and the context sentence before the passage unless
    /// `context` is nil), and the document they belong to.
    static func annotate(_ passage: String, prefix: String = "", context: String? = context) -> (document: Document, stances: [Stance]) {
        let text = prefix + (context.map { $0 + " " } ?? "") + passage
        var document = EntityFixture.document(text)
        // One paragraph from one raw line, so the whole document passes validation.
        document.rawText = text
        document.paragraphs = [Paragraph(text: text, start: 0, end: text.unicodeScalars.count, lines: [1])]
        document.mentions = EntityFixture.annotate(document).mentions
        document.stances = annotator.stances(in: document)
        return (document, document.stances)
    }

    /// The row of the passage's last sentence toward the target.
    static func lastRow(_ passage: String, prefix: String = "", context: String? = context) -> (document: Document, stance: Stance) {
        let (document, stances) = annotate(passage, prefix: prefix, context: context)
        let last = document.sentences.count - 1
        return (document, stances.first { $0.sentenceIndex == last && $0.target == target }!)
    }

    /// What a row says, for failure messages: label, holder, rules and cues.
    static func describe(_ stance: Stance) -> String {
        "\(stance.label) (score \(stance.score)), holder \(stance.holder), rules \(stance.rules), cues \(stance.cues.map { "'\($0.text)'→\($0.rule)\($0.label.map { ":" + $0 } ?? "")" })"
    }
}
