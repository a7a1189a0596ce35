import Testing
@testable import StandoffCore

@Suite("Validate")
struct ValidateTests {
    /// A valid document: two paragraphs, three sentences, one removed line.
    static var valid: Document {
        var document = Document(id: "d", sourceFile: "raw/d.txt", rawBytes: [])
        document.rawText = "Share this\nTalks resumed. Both sides agreed.\n\nKim’s plan 👍🏽 failed."
        document.paragraphs = [Paragraph(text: "Talks resumed. Both sides agreed.", start: 0, end: 33, lines: [2]),
                               Paragraph(text: "Kim’s plan 👍🏽 failed.", start: 35, end: 56, lines: [4])]
        document.text = "Talks resumed. Both sides agreed.\n\nKim’s plan 👍🏽 failed."
        document.sentences = [Sentence(index: 0, paragraph: 0, start: 0, end: 14, text: "Talks resumed."),
                              Sentence(index: 1, paragraph: 0, start: 15, end: 33, text: "Both sides agreed."),
                              Sentence(index: 2, paragraph: 1, start: 35, end: 56, text: "Kim’s plan 👍🏽 failed.")]
        document.mentions = [Mention(sentenceIndex: 2, start: 35, end: 38, text: "Kim", type: "PERSON", entityID: "kim", entityName: "Kim", rule: "r")]
        document.stances = [Stance(sentenceIndex: 0, target: "t", label: "favor", holder: "author", rules: ["c"],
                                   cues: [StanceCue(start: 0, end: 5, text: "Talks", rule: "c", label: "favor")], score: 1),
                            Stance(sentenceIndex: 1, target: "t", label: "none", holder: "kim", rules: []),
                            Stance(sentenceIndex: 2, target: "t", label: "none", holder: StanceAnnotator.unnamed, rules: [])]
        document.removed = [RemovedLine(line: 1, text: "Share this", reason: "share-prompt")]
        return document
    }

    @Test func acceptsAValidDocument() throws {
        var document = Self.valid
        var diagnostics: [Diagnostic] = []
        try Validate(targets: ["t"]).apply(to: &document, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
    }

    struct Breakage: CustomTestStringConvertible, @unchecked Sendable {
        let invariant: String
        let breakIt: (inout Document) -> Void
        var testDescription: String { invariant }
    }

    static let breakages: [Breakage] = [
        Breakage(invariant: "offset-invariant") { $0.sentences[1].text = "Both sides agree." },
        Breakage(invariant: "sentence-offsets") { $0.sentences[1].start = 10 },
        Breakage(invariant: "sentence-coverage") { $0.sentences.remove(at: 2) },
        Breakage(invariant: "sentence-coverage") { $0.sentences[1] = Sentence(index: 1, paragraph: 0, start: 20, end: 33, text: "sides agreed.") },
        Breakage(invariant: "sentence-trimmed") { $0.sentences[0] = Sentence(index: 0, paragraph: 0, start: 0, end: 15, text: "Talks resumed. ") },
        Breakage(invariant: "sentence-in-paragraph") { $0.sentences[2].paragraph = 0 },
        Breakage(invariant: "sentence-index") { $0.sentences[2].index = 5 },
        Breakage(invariant: "mention-offsets") { $0.mentions[0].end = 39 },
        Breakage(invariant: "mention-type") { $0.mentions[0].type = "PER" },
        Breakage(invariant: "stance-label") { $0.stances[0].label = "pro" },
        Breakage(invariant: "stance-rows") { $0.stances.remove(at: 1) },
        Breakage(invariant: "stance-rows") { $0.stances.append($0.stances[2]) },
        Breakage(invariant: "stance-target") { $0.stances[2].target = "u" },
        Breakage(invariant: "stance-holder") { $0.stances[1].holder = "nobody-here" },
        Breakage(invariant: "stance-cue") { $0.stances[0].cues[0].end = 6 },
        Breakage(invariant: "stance-cue") { $0.stances[0].cues[0].text = "talks" },
        Breakage(invariant: "stance-cue") { $0.stances[0].cues[0] = StanceCue(start: 15, end: 19, text: "Both", rule: "c", label: "favor") },
        Breakage(invariant: "stance-cue") { $0.stances[0].cues[0].label = "pro" },
        Breakage(invariant: "line-accounting") { $0.removed = [] },
        Breakage(invariant: "line-accounting") { $0.removed.append(RemovedLine(line: 2, text: "x", reason: "r")) },
        Breakage(invariant: "paragraphs-join") { $0.text += " " },
        Breakage(invariant: "published-date") { $0.metadata.published = "April 4, 2024" },
    ]

    @Test(arguments: breakages)
    func rejectsABrokenDocumentNamingTheInvariant(_ breakage: Breakage) {
        var document = Self.valid
        breakage.breakIt(&document)
        var diagnostics: [Diagnostic] = []
        do {
            try Validate(targets: ["t"]).apply(to: &document, diagnostics: &diagnostics)
            Issue.record("accepted a document that breaks \(breakage.invariant)")
        } catch let StandoffError.invariant(documentID, _, invariant, _) {
            #expect(documentID == "d")
            #expect(invariant == breakage.invariant)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
