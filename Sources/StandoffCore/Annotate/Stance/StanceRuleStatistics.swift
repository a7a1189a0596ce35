/// How each stance rule behaved over a corpus, in the manner of Snorkel's labelling-function
/// analysis, accumulated one document at a time.
///
/// Per rule and over all stance rows (one per sentence and target):
/// - `fired`: rows the rule fired on; `coverage` is that share of all rows;
/// - `overlaps`: rows where it fired together with a cue rule that gave `favor` or `against`;
/// - for cue rules, `agreements` and `conflicts`: rows where it gave `favor` or `against` and
///   another cue rule gave the same, or the opposite, label (a cue that gives `none` abstains);
/// - `decided`: rows whose label would differ if this rule alone were switched off.
///
/// Rules that never fired are listed too, so a dead rule shows.
public struct StanceRuleStatistics: Sendable, Equatable {
    /// One rule's figures.
    public struct Row: Sendable, Equatable {
        /// The rule id.
        public var rule: String
        /// `target`, `favor cue`, `against cue`, `feasibility`, `hedge`, `operator` or `holder`.
        public var kind: String
        public var fired = 0
        public var overlaps = 0
        public var agreements = 0
        public var conflicts = 0
        public var decided = 0
    }

    /// The rows, in rule order: target rules, cues in file order, operators, holder rules.
    public private(set) var rows: [Row]
    /// Stance rows seen.
    public private(set) var stanceRows = 0
    private var position: [String: Int]

    /// Empty statistics over the rules of `rules` and the rules in code.
    public init(rules: StanceRules = .none) {
        var rows: [Row] = []
        for id in [TargetDetector.named, TargetDetector.implied, TargetDetector.running].map(\.identifier) {
            rows.append(Row(rule: id, kind: "target"))
        }
        for line in rules.cues {
            let kind = line.rule.resolvedKind
            rows.append(Row(rule: line.rule.id, kind: kind == .favor ? "favor cue" : kind == .against ? "against cue" : line.rule.kind))
        }
        for id in StanceAnnotator.operators.map({ type(of: $0).description.identifier }) {
            rows.append(Row(rule: id, kind: "operator"))
        }
        for line in rules.holders {
            rows.append(Row(rule: line.rule.id, kind: "holder"))
        }
        rows.append(Row(rule: HolderResolver.quoteContinuation.identifier, kind: "holder"))
        self.rows = rows
        self.position = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.rule, $0) })
    }

    /// Adds a document's stance rows; rows a correction set are counted as rows but not per rule.
    public mutating func add(_ document: Document) {
        for stance in document.stances {
            stanceRows += 1
            guard stance.source == "rule" else { continue }
            var votes: [String: Set<String>] = [:]
            for cue in stance.cues {
                if let label = cue.label, label != "none" { votes[cue.rule, default: []].insert(label) }
            }
            for rule in Set(stance.rules) {
                guard let index = position[rule] else { continue }
                rows[index].fired += 1
                let others = votes.filter { $0.key != rule }
                if !others.isEmpty { rows[index].overlaps += 1 }
                if let mine = votes[rule] {
                    let theirs = others.values.reduce(into: Set<String>()) { $0.formUnion($1) }
                    if !mine.isDisjoint(with: theirs) { rows[index].agreements += 1 }
                    if theirs.contains(where: { label in mine.contains { $0 != label } }) { rows[index].conflicts += 1 }
                }
                if stance.decisive.contains(rule) { rows[index].decided += 1 }
            }
        }
    }

    /// Coverage as a percentage with one decimal, e.g. `12.5%`.
    public func coverage(_ row: Row) -> String {
        guard stanceRows > 0 else { return "0.0%" }
        let tenths = (row.fired * 1000 + stanceRows / 2) / stanceRows
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// The figures as JSON: the row count and one object per rule, in rule order.
    public var json: JSONValue {
        .object([
            "stance_rows": .integer(stanceRows),
            "rules": .array(rows.map { row in
                .object(["rule": .string(row.rule), "kind": .string(row.kind), "fired": .integer(row.fired), "overlaps": .integer(row.overlaps),
                         "agreements": .integer(row.agreements), "conflicts": .integer(row.conflicts), "decided": .integer(row.decided)])
            }),
        ])
    }

    /// The figures as a Markdown table.
    public var markdown: String {
        var table = "| rule | kind | fired | coverage | overlaps | agreements | conflicts | decided |\n|---|---|---:|---:|---:|---:|---:|---:|\n"
        for row in rows {
            let votes = row.kind.hasSuffix("cue")
            table += "| `\(row.rule)` | \(row.kind) | \(row.fired) | \(coverage(row)) | \(row.overlaps) | \(votes ? String(row.agreements) : "–") | \(votes ? String(row.conflicts) : "–") | \(row.decided) |\n"
        }
        return table
    }
}
