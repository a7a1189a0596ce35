import Testing
@testable import StandoffCore

/// The table schemas as a contract: label columns carry every value the pipeline can write as
/// their categories, and the cue records' declared keys are the keys a cue is written with.
@Suite("Dataset tables")
struct DatasetTablesTests {
    static let tables = TestRules.ruleSet.tables

    static func column(_ table: String, _ name: String) -> TableSchema.Column? {
        tables.all.first { $0.name == table }?.columns.first { $0.name == name }
    }

    @Test(arguments: [
        ("stances", "label", StanceAnnotator.labels),
        ("mentions", "type", EntityType.allCases.map(\.rawValue)),
        ("documents", "japan_dprk_dialogue_stance", StanceAnnotator.labels),
    ])
    func labelColumnsListTheirValues(_ table: String, _ name: String, _ values: [String]) {
        #expect(Self.column(table, name)?.categories == values)
    }

    /// Every phrase rule, heuristic and the correction reason, once and sorted: a reason the
    /// cleaner can give that were missing would load as NA in R and fail a `ClassLabel`.
    @Test func removalReasonsAreEveryReasonCleanCanGive() throws {
        let reasons = try #require(Self.column("removed", "reason")?.categories)
        let expected = Set(TestRules.ruleSet.boilerplate.rules.map(\.rule.id) + Clean.heuristicReasons.map(\.id) + [Clean.correctionReason.id])
        #expect(reasons == expected.sorted())
        #expect(DatasetTables.baseRemoved.columns.allSatisfy { $0.categories == nil }, "without rules the reason is free text")
    }

    @Test func freeTextColumnsHaveNoCategories() {
        for (table, name) in [("stances", "holder"), ("stances", "target"), ("mentions", "entity_id"), ("documents", "title")] {
            #expect(Self.column(table, name)?.categories == nil, "\(table).\(name)")
        }
    }

    @Test func cueFieldsAreTheKeysACueIsWrittenWith() throws {
        let cues = try #require(Self.column("stances", "cues"))
        #expect(cues.type == .records)
        guard case let .object(keys) = StanceCue(start: 1, end: 2, text: "x", rule: "r", label: nil).json else {
            Issue.record("a cue is not a JSON object")
            return
        }
        #expect(cues.fields.map(\.name).sorted() == keys.keys.sorted())
        #expect(cues.fields.first { $0.name == "label" }?.nullable == true)
    }
}
