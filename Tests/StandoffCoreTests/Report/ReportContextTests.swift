import Testing
@testable import StandoffCore

@Suite("Report context")
struct ReportContextTests {
    static let context = ReportContext(rules: TestRules.ruleSet)

    @Test func everyFavorAndAgainstCueHasItsWeightAndSummary() {
        for line in TestRules.ruleSet.stance.cues {
            let info = Self.context.stanceRules[line.rule.id]
            #expect(info?.weight == line.rule.weight, "\(line.rule.id)")
            #expect(info?.summary == line.rule.summary, "\(line.rule.id)")
        }
    }

    @Test func operatorsHoldersAndTargetRulesAreNamedByKind() {
        for row in StanceRuleStatistics(rules: TestRules.ruleSet.stance).rows {
            #expect(Self.context.stanceRules[row.rule]?.kind == row.kind, "\(row.rule)")
        }
    }

    @Test func everyRemovalReasonHasASummary() {
        for reason in Clean.heuristicReasons { #expect(Self.context.reasons[reason.id] == reason.summary) }
        for line in TestRules.ruleSet.boilerplate.rules { #expect(Self.context.reasons[line.rule.id] != nil, "\(line.rule.id)") }
        #expect(Self.context.targets == TestRules.ruleSet.stance.targetList.map(\.id))
    }
}
