import Testing
@testable import StandoffCore

@Suite("Correct")
struct CorrectTests {
    static let paragraph = "Tokyo should talk to Pyongyang soon. Kim said no."

    /// A split document with one rule mention and one rule stance row.
    static func document() throws -> Document {
        let (split, _) = try TestRules.run([Clean(lexicon: TestRules.boilerplate), Split(splitter: SentenceSplitter(lexicon: TestRules.ruleSet.abbreviations))],
                                           text: paragraph, id: "d")
        var document = split
        document.mentions = [Mention(sentenceIndex: 0, start: 0, end: 5, text: "Tokyo", type: "GPE", entityID: "tokyo", entityName: "Tokyo", rule: "gazetteer")]
        document.stances = [Stance(sentenceIndex: 0, target: "t", label: "none", holder: "author", rules: ["r1"])]
        return document
    }

    static func line(_ json: String) throws -> CorrectionSet {
        try CorrectionSet.decode(file: "annotations/corrections.jsonl", contents: json)
    }

    static let first = Correction.fingerprint("Tokyo should talk to Pyongyang soon.")
    static let second = Correction.fingerprint("Kim said no.")

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let warnings: [String]
        let check: @Sendable (Document) -> Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "set stance", json: #"{"action":"set-stance","sentence_id":"d-s0000","sentence_sha256":"\#(first)","target":"t","label":"favor","by":"A","why":"w"}"#,
             warnings: []) { $0.stances == [Stance(sentenceIndex: 0, target: "t", label: "favor", holder: "author", rules: ["r1", "correction"], source: "correction")] && $0.correctedSentences == [0] },
        Case(name: "set stance for a target without a rule row", json: #"{"action":"set-stance","sentence_id":"d-s0001","sentence_sha256":"\#(second)","target":"t","label":"against","holder":"kim-jong-un","by":"A","why":"w"}"#,
             warnings: []) { $0.stances.count == 2 && $0.stances[1].label == "against" && $0.stances[1].holder == "kim-jong-un" && $0.stances[1].sentenceIndex == 1 },
        Case(name: "redundant stance", json: #"{"action":"set-stance","sentence_id":"d-s0000","sentence_sha256":"\#(first)","target":"t","label":"none","by":"A","why":"w"}"#,
             warnings: ["redundant-correction"]) { $0.stances[0].source == "rule" && $0.correctedSentences.isEmpty },
        Case(name: "stale: text changed", json: #"{"action":"set-stance","sentence_id":"d-s0000","sentence_sha256":"0000000000000000","target":"t","label":"favor","by":"A","why":"w"}"#,
             warnings: ["stale-correction"]) { $0.stances[0].label == "none" },
        Case(name: "stale: no such sentence", json: #"{"action":"set-stance","sentence_id":"d-s0009","sentence_sha256":"\#(first)","target":"t","label":"favor","by":"A","why":"w"}"#,
             warnings: ["stale-correction"]) { $0.stances[0].label == "none" },
        Case(name: "add mention (offsets relative to the sentence)", json: #"{"action":"add-mention","sentence_id":"d-s0001","sentence_sha256":"\#(second)","text":"Kim","start":0,"type":"PERSON","entity_id":"kim-jong-un","by":"A","why":"w"}"#,
             warnings: []) { $0.mentions.count == 2 && $0.mentions[1].start == 37 && $0.mentions[1].text == "Kim" && $0.mentions[1].source == "correction" },
        Case(name: "add mention at the wrong offset is stale", json: #"{"action":"add-mention","sentence_id":"d-s0001","sentence_sha256":"\#(second)","text":"Kim","start":1,"type":"PERSON","entity_id":"kim-jong-un","by":"A","why":"w"}"#,
             warnings: ["stale-correction"]) { $0.mentions.count == 1 },
        Case(name: "remove mention", json: #"{"action":"remove-mention","sentence_id":"d-s0000","sentence_sha256":"\#(first)","text":"Tokyo","start":0,"by":"A","why":"w"}"#,
             warnings: []) { $0.mentions.isEmpty },
        Case(name: "retype mention", json: #"{"action":"retype-mention","sentence_id":"d-s0000","sentence_sha256":"\#(first)","text":"Tokyo","start":0,"entity_id":"japan","by":"A","why":"w"}"#,
             warnings: []) { $0.mentions[0].entityID == "japan" && $0.mentions[0].type == "GPE" && $0.mentions[0].source == "correction" },
        Case(name: "redundant retype", json: #"{"action":"retype-mention","sentence_id":"d-s0000","sentence_sha256":"\#(first)","text":"Tokyo","start":0,"type":"GPE","by":"A","why":"w"}"#,
             warnings: ["redundant-correction"]) { $0.mentions[0].source == "rule" },
    ]

    @Test(arguments: cases)
    func applies(_ testCase: Case) throws {
        var document = try Self.document()
        var diagnostics: [Diagnostic] = []
        try Correct(corrections: Self.line(testCase.json)).apply(to: &document, diagnostics: &diagnostics)
        #expect(diagnostics.map(\.code) == testCase.warnings)
        #expect(diagnostics.allSatisfy { $0.location == "annotations/corrections.jsonl:1" })
        #expect(testCase.check(document))
        try Validate(knownEntities: ["kim-jong-un"]).apply(to: &document, diagnostics: &diagnostics)
    }

    @Test func aStanceCorrectionForAnUndeclaredTargetIsReportedNotApplied() throws {
        var document = try Self.document()
        var diagnostics: [Diagnostic] = []
        let json = #"{"action":"set-stance","sentence_id":"d-s0000","sentence_sha256":"\#(Self.first)","target":"harbour-lease","label":"favor","by":"A","why":"w"}"#
        try Correct(corrections: Self.line(json), targets: ["t"]).apply(to: &document, diagnostics: &diagnostics)
        #expect(diagnostics.map(\.code) == ["unknown-target"])
        #expect(document.stances == [Stance(sentenceIndex: 0, target: "t", label: "none", holder: "author", rules: ["r1"])])
    }

    struct BadLine: CustomTestStringConvertible, Sendable {
        let json: String
        let reason: String
        var testDescription: String { reason }
    }

    static let badLines: [BadLine] = [
        BadLine(json: #"{"action":"set-stance","sentence_id":"d-s0000","sentence_sha256":"x","target":"t","by":"A","why":"w"}"#, reason: "needs 'label' or 'holder'"),
        BadLine(json: #"{"action":"set-stance","sentence_id":"d-s0000","sentence_sha256":"x","target":"t","label":"pro","by":"A","why":"w"}"#, reason: "label 'pro'"),
        BadLine(json: #"{"action":"add-mention","sentence_id":"d-s0000","sentence_sha256":"x","text":"K","start":0,"type":"PERSON","by":"A","why":"w"}"#, reason: "needs entity_id"),
        BadLine(json: #"{"action":"keep-line","doc_id":"d","line":3,"by":"A","why":"w"}"#, reason: "needs line_sha256"),
        BadLine(json: #"{"action":"set-stance","sentence_id":"d-s0000","sentence_sha256":"x","target":"t","label":"favor","by":"","why":"w"}"#, reason: "say who"),
        BadLine(json: #"{"action":"guess","by":"A","why":"w"}"#, reason: "not a valid Correction"),
    ]

    @Test(arguments: badLines)
    func rejectsIncompleteLines(_ bad: BadLine) {
        do {
            _ = try Self.line("\n" + bad.json)
            Issue.record("accepted \(bad.json)")
        } catch {
            #expect("\(error)".hasPrefix("annotations/corrections.jsonl:2:"))
            #expect("\(error)".contains(bad.reason), "\(error)")
        }
    }

    @Test func lineCorrectionsOverrideCleaningAndGoStaleWhenTheLineChanges() throws {
        let raw = "Home\nThe council will vote next week on a proposal to lease the harbour, and the mayor says it is the best deal on offer."
        let keep = #"{"action":"keep-line","doc_id":"d","line":1,"line_sha256":"\#(Correction.fingerprint("Home"))","by":"A","why":"w"}"#
        let (kept, warnings) = try TestRules.run([Clean(lexicon: TestRules.boilerplate, corrections: Self.line(keep))], text: raw)
        #expect(kept.paragraphs.first?.text == "Home")
        #expect(kept.removed.isEmpty)
        #expect(warnings.isEmpty)

        let remove = #"{"action":"remove-line","doc_id":"d","line":2,"line_sha256":"\#(Correction.fingerprint(String(raw.split(separator: "\n")[1])))","by":"A","why":"w"}"#
        let (removed, _) = try TestRules.run([Clean(lexicon: TestRules.boilerplate, corrections: Self.line(remove))], text: raw)
        #expect(removed.removed.map(\.reason) == ["navigation-label", "correction"])

        let (stale, staleWarnings) = try TestRules.run([Clean(lexicon: TestRules.boilerplate, corrections: Self.line(keep))], text: "Menu\n" + raw.split(separator: "\n")[1])
        #expect(stale.removed.map(\.reason) == ["navigation-label"])
        #expect(staleWarnings.map(\.code) == ["stale-correction"])
    }
}
