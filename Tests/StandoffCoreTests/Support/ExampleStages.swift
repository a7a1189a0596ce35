@testable import StandoffCore

/// The stages a rule example runs through, built from one rule set: the project's, or a copy
/// with lines added (the README's recipes).
struct ExampleStages: Sendable {
    let rules: RuleSet
    let splitter: SentenceSplitter
    let entities: EntityAnnotator
    let stance: StanceAnnotator

    init(rules: RuleSet) {
        self.rules = rules
        splitter = SentenceSplitter(lexicon: rules.abbreviations)
        entities = EntityAnnotator(rules: rules.entities)
        stance = StanceAnnotator(rules: rules.stance)
    }

    /// The project's rules.
    static let project = ExampleStages(rules: TestRules.ruleSet)

    /// The first stance target: the one stance examples are written for.
    var target: String { rules.stance.targetList.first?.id ?? "" }

    /// Put before every stance example: it names the target's talks, so the running topic is set
    /// as in an article about them.
    static let stanceContext = "Japan and North Korea are weighing a summit."

    /// A document whose text is `text`, cut into sentences by the splitter.
    func document(_ text: String, id: String = "d") -> Document {
        var document = Document(id: id, sourceFile: "raw/\(id).txt", rawBytes: [])
        document.text = text
        let split = Split(splitter: splitter)
        document.sentences = split.sentences(in: text).enumerated().map { index, sentence in
            Sentence(index: index, paragraph: 0, start: sentence.start, end: sentence.end, text: sentence.text)
        }
        return document
    }

    /// A document that is exactly one sentence, however many periods it has.
    static func oneSentence(_ text: String, id: String = "d") -> Document {
        var document = Document(id: id, sourceFile: "raw/\(id).txt", rawBytes: [])
        document.text = text
        document.sentences = [Sentence(index: 0, paragraph: 0, start: 0, end: text.unicodeScalars.count, text: text)]
        return document
    }

    /// The mentions and warnings for `document`.
    func mentions(in document: Document) -> (mentions: [Mention], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let mentions = entities.mentions(in: document, diagnostics: &diagnostics)
        return (mentions, diagnostics)
    }

    /// The rows of `passage` (with `prefix` first and `context` before it unless nil), and the
    /// document they belong to: sentences, entity mentions, then stance, as the pipeline does.
    func stances(_ passage: String, prefix: String = "", context: String? = stanceContext) -> (document: Document, stances: [Stance]) {
        let text = prefix + (context.map { $0 + " " } ?? "") + passage
        var document = document(text)
        // One paragraph from one raw line, so the whole document passes validation.
        document.rawText = text
        document.paragraphs = [Paragraph(text: text, start: 0, end: text.unicodeScalars.count, lines: [1])]
        document.mentions = mentions(in: document).mentions
        document.stances = stance.stances(in: document)
        return (document, document.stances)
    }

    /// The row of the passage's last sentence toward `target` (by default the first target).
    func lastRow(_ passage: String, prefix: String = "", context: String? = stanceContext, target: String? = nil) -> (document: Document, stance: Stance) {
        let (document, stances) = stances(passage, prefix: prefix, context: context)
        let last = document.sentences.count - 1
        let target = target ?? self.target
        return (document, stances.first { $0.sentenceIndex == last && $0.target == target }!)
    }
}
