/// One line of `annotations/rules/stance-cues.jsonl`: words that show a stance, or that qualify one.
///
/// ```json
/// {"id": "recommend-welcome", "summary": "A recommendation to welcome or embrace talks.", "kind": "favor", "weight": 3,
///  "patterns": ["should (?:\\w+ )?(?:welcome|embrace)d?"],
///  "match": ["Seoul should welcome a meeting between the two leaders."], "no_match": ["Seoul welcomed the visitors."]}
/// ```
///
/// Patterns are ICU regular expressions, matched case-insensitively against the sentence as whole
/// words. A `favor` or `against` cue adds or subtracts its `weight` (1 weak, 2 clear, 3 explicit
/// recommendation) when the sentence is on target; negation, contrast, conditionals, questions and
/// hedges then act on it (see ``StanceOperator``). A `feasibility` cue marks a prediction about
/// whether talks will happen; it gives `none` and weighs nothing, so such sentences stay `none`
/// and say why. A `hedge` cue (`may`, `perhaps`) lowers the weight of a cue after it in the same
/// clause by one, never below one. A `rebuttal` cue (`they are wrong`, `that is nonsense`) weighs
/// nothing and reverses the cues of the clauses before it (``RebuttalRule``).
///
/// Examples run after a context sentence that names the target: each `match` example must fire
/// the cue and, for `favor`, `against` and `feasibility` cues, get that label (`none` for
/// feasibility); each `no_match` example must not fire it.
public struct StanceCueRule: RuleLineDecodable, Equatable {
    /// What a cue does.
    public enum Kind: String, Sendable, CaseIterable {
        case favor, against, feasibility, hedge, rebuttal
    }

    /// A readable slug, unique across the stance rule files; recorded in `rules` and on each cue.
    public var id: String
    /// One sentence: what the cue recognises.
    public var summary: String
    /// One of ``Kind``'s raw values.
    public var kind: String
    /// `favor` and `against` cues: 1 (weak), 2 (clear) or 3 (explicit recommendation).
    public var weight: Int?
    /// ICU regular expressions, whole words, any letter case.
    public var patterns: [String]
    /// Sentences that must fire the cue (and get its label).
    public var match: [String]
    /// Sentences that must not fire it.
    public var noMatch: [String]?

    /// The kind, parsed.
    public var resolvedKind: Kind? { Kind(rawValue: kind) }

    /// The label a match example must get: the kind for favor and against, `none` for feasibility.
    public var exampleLabel: String? {
        switch resolvedKind {
        case .favor: return "favor"
        case .against: return "against"
        case .feasibility: return "none"
        case .hedge, .rebuttal, nil: return nil
        }
    }

    /// The keys a line may use, in the file's `snake_case`.
    public static let keys: Set<String> = ["id", "summary", "kind", "weight", "patterns", "match", "no_match"]
}
