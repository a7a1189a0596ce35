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
/// to a name found by a pattern. The other kinds find names by their shape, for names no title
/// introduces: `article-name` words name `entity` right after `the` (`the North`); a `speaker`
/// line finds the capitalised name before a colon that opens a transcript turn (`DANA REYES:`),
/// its words being labels that are no name (`Q`, `MODERATOR`); a `syllables` line finds two
/// adjacent capitalised words spelt wholly in its syllables (romanised Japanese: `Noriko Ashida`,
/// `TANAKA Hitoshi`); a `surname` line finds one of its family names followed by a given name of
/// the shape `given` says (`hyphenated`: `Lim Ji-hye`; `syllables`: one word spelt in the line's
/// `syllables`, `Guo Jiakun`; `split`: two such words or one hyphenated, `Choe Son Hui`); an
/// `appositive` line finds two or three capitalised words before a comma and an apposition
/// that names a person's role (`Ana Ruiz, a former negotiator`, `Ana Ruiz, who`). In examples, `[…]` marks exactly the mentions the line must make.
public struct EntityPattern: RuleLineDecodable, Equatable {
    /// What a line does.
    public enum Kind: String, Sendable, CaseIterable {
        /// Titles before a person's name.
        case title
        /// Head words that end an organisation's, event's or place's name.
        case head
        /// Words that never belong to a name a pattern finds.
        case stopWords = "stop-words"
        /// Words that name an entity only right after `the` and before no other capitalised word.
        case articleName = "article-name"
        /// Labels before a colon that are no person's name, for the speaker-label pattern.
        case speaker
        /// The syllables of a romanisation whose two-word names are people.
        case syllables
        /// Family names that, before a given name of the right shape, start a person's name.
        case surname
        /// Words that, in an apposition right after a capitalised name, make it a person's
        /// (`Ana Ruiz, a former negotiator`).
        case appositive
    }

    /// The shape of the given name after a `surname` line's family name.
    public enum Given: String, Sendable, CaseIterable {
        /// A capitalised part, a hyphen and a lower-case part (`Ji-hye`).
        case hyphenated
        /// One capitalised word spelt wholly in the line's `syllables` (`Jiakun`).
        case syllables
        /// Two capitalised words, or one hyphenated word, spelt wholly in the line's `syllables` (`Son Hui`, `Son-hui`).
        case split
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
    /// Head lines: lower-case words that may continue a name after its head (`of`, `for`).
    /// Appositive lines: the words that may open the apposition (`a`, `the`); one of the line's
    /// `words` must then come within six words. Without them the apposition opens with one of `words` (`who`).
    public var connectors: [String]?
    /// The most capitalised words in a name after a title, or before a head word (and after each
    /// connector); 3 for titles and 4 for heads when absent.
    public var maxWords: Int?
    /// `article-name` lines only: the gazetteer id of the entity the words name (`north-korea`).
    public var entity: String?
    /// `surname` lines only: the shape of the given name, one of ``Given``'s raw values.
    public var given: String?
    /// `surname` lines with `given` `syllables` only: the syllables a given name is spelt in.
    public var syllables: [String]?
    /// `syllables` and `surname` lines only: gazetteer ids of countries; names of the line's shape
    /// count only in documents that name one of them (a place, a body or a person of it), since
    /// other languages are spelt in the same syllables (`Jangan Minta` is Indonesian).
    public var countries: [String]?
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
        self.entity = nil
        self.given = nil
        self.syllables = nil
        self.countries = nil
        self.match = match
        self.noMatch = noMatch
    }

    /// The keys a line may use, in the file's `snake_case`.
    public static let keys: Set<String> = ["id", "summary", "kind", "type", "words", "gender", "ignore_case", "connectors",
                                           "max_words", "entity", "given", "syllables", "countries", "match", "no_match"]
}
