/// One line of `annotations/rules/entity-patterns.jsonl`: a rule that finds names the gazetteer
/// does not list, from the words around them.
///
/// ```json
/// {"id": "title-official", "summary": "Ministers and officials are named after their title.",
///  "kind": "title", "type": "PERSON", "words": ["Foreign Minister", "Minister", "Ambassador"],
///  "ignore_case": true, "match": ["Foreign Minister [Aiko Tanabe] met reporters."],
///  "no_match": ["The minister met reporters."]}
/// ```
///
/// A `title` line finds up to `max_words` capitalised words after one of its titles and makes them
/// a PERSON (the title is not part of the mention). A `head` line finds capitalised words ending in
/// one of its head words, optionally continued by a connector and more capitalised words
/// (`Korea Institute for National Unification`). A `stop-words` line lists words that never belong
/// to a name found by a pattern. In examples, `[…]` marks exactly the mentions the line must make.
public struct EntityPattern: Decodable, Sendable, Equatable {
    /// What a line does.
    public enum Kind: String, Sendable, CaseIterable {
        /// Titles before a person's name.
        case title
        /// Head words that end an organisation's, event's or place's name.
        case head
        /// Words that never belong to a name a pattern finds.
        case stopWords = "stop-words"
    }

    /// A readable slug, unique across both entity rule files; recorded as the `rule` of its mentions.
    public var id: String
    /// One sentence: what the line finds.
    public var summary: String
    /// One of ``Kind``'s raw values.
    public var kind: String
    /// The type of the mentions: `PERSON` for titles; `ORG`, `EVENT` or `GPE` for head words.
    public var type: String?
    /// The titles, head words or stop words, written as in text (`Gen.`, `Prime Minister`, `Institute`).
    public var words: [String]
    /// Title lines only: `female` or `male` for honorifics (`Ms.`, `Mr.`); such a title checks a
    /// person's gender instead of their roles.
    public var gender: String?
    /// Match the titles or head words in any letter case (`prime minister Fumio Kishida`).
    public var ignoreCase: Bool?
    /// Head lines only: lower-case words that may continue a name after its head (`of`, `for`).
    public var connectors: [String]?
    /// The most capitalised words in a name after a title, or before a head word (and after each
    /// connector); 3 for titles and 4 for heads when absent.
    public var maxWords: Int?
    /// Sentences in which the line must fire; `[…]` marks the expected mentions.
    public var match: [String]
    /// Sentences in which the line must not fire.
    public var noMatch: [String]?

    /// The kind as a ``Kind``, or nil when `kind` names none.
    public var resolvedKind: Kind? { Kind(rawValue: kind) }

    /// Creates a pattern line.
    public init(id: String, summary: String, kind: Kind, type: EntityType? = nil, words: [String], gender: String? = nil,
                ignoreCase: Bool? = nil, connectors: [String]? = nil, maxWords: Int? = nil, match: [String], noMatch: [String]? = nil) {
        self.id = id
        self.summary = summary
        self.kind = kind.rawValue
        self.type = type?.rawValue
        self.words = words
        self.gender = gender
        self.ignoreCase = ignoreCase
        self.connectors = connectors
        self.maxWords = maxWords
        self.match = match
        self.noMatch = noMatch
    }

    /// The keys a line may use, in the file's `snake_case`.
    static let keys: Set<String> = ["id", "summary", "kind", "type", "words", "gender", "ignore_case", "connectors",
                                    "max_words", "match", "no_match"]
}
