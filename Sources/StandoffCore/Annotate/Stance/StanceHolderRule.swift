/// One line of `annotations/rules/stance-holders.jsonl`: words that attribute a sentence to a
/// speaker, so its stance is held by that speaker rather than the author.
///
/// ```json
/// {"id": "holder-speech-verb", "summary": "A verb of saying with its speaker.", "kind": "speech-verb",
///  "words": ["said", "says", "told"], "match": ["“Talks help,” said [Kim Yo-jong]."], "no_match": ["The report said little."]}
/// ```
///
/// Kinds (the code that reads them is ``HolderResolver``):
/// - `speech-verb`: the speaker is the first person, organisation or place named in the clause
///   before the verb (`Abe now says that…`), or right after it when the verb follows a quotation
///   (`“…,” said Ms. Kim`). A verb inside `what`/`which`/`who` clauses attributes nothing.
/// - `according-to`: the first person or organisation named after the phrase.
/// - `speech-noun`: a possessive name before the noun (`Kim Yo-jong’s assertion that…`).
/// - `pronoun`: subjects of a speech verb (`she`, `the paper`) that stand for the latest speaker of
///   the type `refers_to` in the paragraph, else the latest mention of that type.
/// - `unnamed-source`: head nouns of a speaker no one names (`critics`, `one official`, `analysts`):
///   as the subject of a speech verb, or right after a quotation's verb, they make the holder
///   `unnamed`. A name right before such a noun only modifies it (`a senior LDP lawmaker`).
///
/// Examples may hold several sentences: the holder is checked on the last one. In `match`
/// examples `[…]` marks a mention whose entity must be the holder, or, marking words that are no
/// mention, an unnamed source (holder `unnamed`); `no_match` examples must leave the holder `author`.
public struct StanceHolderRule: RuleLineDecodable, Equatable {
    /// What a line does.
    public enum Kind: String, Sendable, CaseIterable {
        case speechVerb = "speech-verb"
        case accordingTo = "according-to"
        case speechNoun = "speech-noun"
        case pronoun
        case unnamedSource = "unnamed-source"
    }

    /// A readable slug, unique across the stance rule files; recorded in `rules`.
    public var id: String
    /// One sentence: what the line recognises.
    public var summary: String
    /// One of ``Kind``'s raw values.
    public var kind: String
    /// The words or phrases, lower case.
    public var words: [String]
    /// Pronoun lines: the entity type the pronoun stands for, `PERSON` or `ORG`.
    public var refersTo: String?
    /// Words that, right after one of `words`, cancel it (`finds itself` is no judgement).
    public var notFollowedBy: [String]?
    /// Short passages whose last sentence must be attributed to the marked mention.
    public var match: [String]
    /// Passages whose last sentence must stay the author's.
    public var noMatch: [String]?

    /// The kind, parsed.
    public var resolvedKind: Kind? { Kind(rawValue: kind) }

    /// The keys a line may use, in the file's `snake_case`.
    public static let keys: Set<String> = ["id", "summary", "kind", "words", "refers_to", "not_followed_by", "match", "no_match"]
}
