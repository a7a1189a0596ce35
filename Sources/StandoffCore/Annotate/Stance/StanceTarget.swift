/// One line of `annotations/rules/stance-targets.jsonl`: something a sentence can be for or
/// against, the two parties whose talks it is about, and the words that name talks.
///
/// ```json
/// {"id": "japan-dprk-dialogue", "description": "a Japan–North Korea summit or direct Japan–North Korea diplomacy or dialogue",
///  "parties": [{"id": "japan", "entities": ["tokyo", "fumio-kishida"]}, {"id": "north-korea", "entities": ["pyongyang", "kim-jong-un"]}],
///  "topic_patterns": ["summits?", "talks?", "dialogue"],
///  "match": ["Tokyo wants a summit with Pyongyang."], "no_match": ["Washington wants a summit with Beijing."]}
/// ```
///
/// A mention belongs to a party when its `country` is the party's id (the gazetteer gives Tokyo,
/// Kishida and the Diet the country `japan`) or its entity is one of the party's `entities`, which
/// list only what has no country of its own. Each target adds four columns to the `documents` table, named
/// after its id with `-` turned into `_`: `<prefix>_stance`, `<prefix>_n_favor`,
/// `<prefix>_n_against`, `<prefix>_n_none`. `match` examples are sentences that refer to the
/// target, `no_match` examples sentences that do not; each runs after a context sentence that
/// names the target (see the README).
public struct StanceTarget: RuleLineDecodable, Equatable {
    /// One side of the talks.
    public struct Party: Decodable, Sendable, Equatable {
        /// The country's entity id, e.g. `japan`.
        public var id: String
        /// Entity ids without that country in the gazetteer that still stand for the party (nationals
        /// such as abductees' families; for North Korea, `kim`: a bare family name nothing resolved).
        public var entities: [String]
    }

    /// A readable slug, unique in the file, recorded in the `target` column.
    public var id: String
    /// What a favor label supports, in words.
    public var description: String
    /// The two parties; talks between them are the target.
    public var parties: [Party]
    /// ICU regular expressions (whole words, any letter case) for words that name talks:
    /// `summits?`, `dialogue`, `negotiat\\w*`.
    public var topicPatterns: [String]
    /// Sentences that refer to the target (after the context sentence).
    public var match: [String]
    /// Sentences that do not.
    public var noMatch: [String]?

    /// The prefix of the target's columns in the `documents` table, e.g. `japan_dprk_dialogue`.
    public var columnPrefix: String { id.replacingOccurrences(of: "-", with: "_") }

    /// The keys a line may use, in the file's `snake_case`.
    public static let keys: Set<String> = ["id", "description", "parties", "topic_patterns", "match", "no_match"]
}
