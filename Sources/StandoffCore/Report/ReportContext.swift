/// What the report says about rules besides their ids: each stance rule's kind, a cue's weight
/// and summary, and each removal reason's summary. Built once from the decoded rules.
public struct ReportContext: Sendable {
    /// One stance rule, as a tooltip describes it.
    public struct StanceRuleInfo: Sendable, Equatable {
        /// `target`, `favor cue`, `against cue`, `feasibility`, `hedge`, `operator` or `holder`.
        public var kind: String
        /// A favor or against cue's weight (1 weak, 2 clear, 3 explicit); `nil` for other rules.
        public var weight: Int?
        /// The rule's one-sentence summary, where the rule file gives one.
        public var summary: String?
    }

    /// Stance rule id → what it is.
    public var stanceRules: [String: StanceRuleInfo]
    /// Removal reason id → its summary.
    public var reasons: [String: String]
    /// Stance targets in rule-file order; a sentence is tinted by its row for the first.
    public var targets: [String]

    /// Creates a context from parts; tests use it with a few rules.
    public init(stanceRules: [String: StanceRuleInfo] = [:], reasons: [String: String] = [:], targets: [String] = []) {
        self.stanceRules = stanceRules
        self.reasons = reasons
        self.targets = targets
    }

    /// The context of `rules`: every stance rule (as ``StanceRuleStatistics`` lists them, with the
    /// operators and holder rules in code) and every removal reason, boilerplate rules and Clean's own.
    public init(rules: RuleSet) {
        var stanceRules: [String: StanceRuleInfo] = [:]
        for row in StanceRuleStatistics(rules: rules.stance).rows {
            stanceRules[row.rule] = StanceRuleInfo(kind: row.kind)
        }
        for line in rules.stance.cues {
            stanceRules[line.rule.id]?.weight = line.rule.weight
            stanceRules[line.rule.id]?.summary = line.rule.summary
        }
        var reasons = Dictionary(rules.boilerplate.rules.map { ($0.rule.id, $0.rule.summary) }, uniquingKeysWith: { first, _ in first })
        for reason in Clean.heuristicReasons { reasons[reason.id] = reason.summary }
        self.init(stanceRules: stanceRules, reasons: reasons, targets: rules.stance.targetList.map(\.id))
    }
}
