import Testing
@testable import StandoffCore

@Suite("Pipeline")
struct PipelineTests {
    @Test func standardPipelineListsTheStagesInOrder() throws {
        let pipeline = try Pipeline.standard(rules: TestRules.ruleSet)
        #expect(pipeline.identifiers == ["ingest", "clean", "split", "annotate", "correct", "validate", "export"])
        #expect(pipeline.prefix(through: "split")?.identifiers == ["ingest", "clean", "split"])
        #expect(pipeline.prefix(through: "nope") == nil)
    }

    @Test func aStageBeforeItsInputsIsRejectedAtConstruction() {
        #expect(throws: StandoffError.stageOrder(stage: "split", missing: ["body"])) {
            try Pipeline(stages: [Ingest(), Split(splitter: SentenceSplitter(lexicon: TestRules.ruleSet.abbreviations))])
        }
    }

    @Test func everyStageDescribesItself() throws {
        for stage in try Pipeline.standard(rules: TestRules.ruleSet).stages {
            let description = type(of: stage).description
            #expect(!description.summary.isEmpty)
            #expect(!description.assigns.isEmpty)
            #expect(description.identifier == description.identifier.lowercased())
        }
    }

    @Test func runsARawFileEndToEndIntoRows() throws {
        let pipeline = try Pipeline.standard(rules: TestRules.ruleSet)
        let raw = "The Harbour Gazette\r\nCity Budget Passes After a Long Debate\r\n\r\nThe council approved the budget on Monday after a debate that lasted nine hours. Dr. Ana Lima, who chairs it, said the U.S. grant was decisive.\r\n\r\nSubscribe for full access.\r\n"
        var document = Document(id: "d", sourceFile: "raw/d.txt", rawBytes: Array(raw.utf8))
        var diagnostics: [Diagnostic] = []
        try pipeline.run(&document, diagnostics: &diagnostics)
        #expect(document.metadata.title == "City Budget Passes After a Long Debate")
        #expect(document.sentences.map(\.text) == ["The council approved the budget on Monday after a debate that lasted nine hours.",
                                                   "Dr. Ana Lima, who chairs it, said the U.S. grant was decisive."])
        #expect(document.rendered.rowCounts == ["documents": 1, "sentences": 2, "mentions": 2, "stances": 2, "removed": 3])
        // One row per sentence and target; a council budget is not about Japan–North Korea talks.
        #expect(document.stances.map(\.label) == ["none", "none"])
        #expect(document.mentions.map(\.text) == ["Ana Lima", "U.S."])
        #expect(document.mentions.map(\.type) == ["PERSON", "GPE"])
        #expect(document.rendered.csv["removed"].map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("d,1,The Harbour Gazette,masthead\r\n") == true)
        #expect(diagnostics.isEmpty)
    }
}
