/// One line of `annotations/rules/gazetteer.jsonl`: an entity, its stable id and every way
/// articles write its name.
///
/// ```json
/// {"id": "fumio-kishida", "name": "Fumio Kishida", "type": "PERSON", "aliases": ["Kishida Fumio"],
///  "family": "Kishida", "gender": "male", "titles": ["Prime Minister", "Foreign Minister"],
///  "match": ["Prime Minister [Kishida Fumio] spoke.", "[Kishida]’s approval rating fell."],
///  "no_match": ["The Kishidas of Hiroshima ran a shop."]}
/// ```
///
/// Names match whole tokens only, hyphens and spaces alike (`Kim Jong-un` = `Kim Jong Un`),
/// with letter case as written unless `ignore_case` is true. In examples, `[…]` marks exactly
/// the mentions this entry must get; an example without brackets needs at least one.
public struct GazetteerEntry: RuleLineDecodable, Equatable {
    /// A readable slug, unique in the file and stable across releases, e.g. `kim-jong-un`.
    public var id: String
    /// The canonical name, e.g. `Kim Jong Un`; it is matched like an alias.
    public var name: String
    /// One of ``EntityType``'s raw values: `PERSON`, `GPE`, `ORG`, `NORP` or `EVENT`.
    public var type: String
    /// Other spellings: acronyms, family-name-first order, romanisations, hyphenated forms.
    public var aliases: [String]?
    /// The id of the GPE entry for the country this entity stands for or acts for: a country's own
    /// id, its capital and other places in it, its government's people and bodies (`tokyo` and
    /// `fumio-kishida` → `japan`). Absent for entities of no one country (analysts, the UN, regions).
    /// Exported as the mentions' `country` column, so that metonymy ("Tokyo has dropped its
    /// preconditions") and analyses by country work.
    public var country: String?
    /// GPE entries only: nationality words (`Japanese`, `North Koreans`), annotated as NORP with this entry's id.
    public var demonyms: [String]?
    /// PERSON entries only: the family name as articles write it alone (`Kishida`, `Kim`), used to
    /// link a bare family name, or a title and family name, to this person.
    public var family: String?
    /// PERSON entries only: whether a bare family name that nothing in the document resolves may
    /// mean this person; `false` for people who share a family name with someone better known.
    /// True when absent.
    public var bareFamilyName: Bool?
    /// PERSON entries only: `female` or `male`, checked against `Ms.` or `Mr.` before a family name.
    public var gender: String?
    /// PERSON entries only: role titles the person is called by (`Chairman`, `Prime Minister`), checked
    /// against a title before a family name (`Chairman Kim`).
    public var titles: [String]?
    /// Match the name, aliases and demonyms in any letter case (`six-party talks`); family names are always as written.
    public var ignoreCase: Bool?
    /// The Wikidata item, e.g. `Q17`, given only where certain.
    public var wikidata: String?
    /// Sentences in which this entity must be found; `[…]` marks the expected mentions.
    public var match: [String]
    /// Sentences in which this entity must not be found.
    public var noMatch: [String]?

    /// Creates an entry.
    public init(id: String, name: String, type: EntityType, country: String? = nil, aliases: [String]? = nil, demonyms: [String]? = nil,
                family: String? = nil, bareFamilyName: Bool? = nil, gender: String? = nil, titles: [String]? = nil,
                ignoreCase: Bool? = nil, wikidata: String? = nil, match: [String], noMatch: [String]? = nil) {
        self.id = id
        self.name = name
        self.type = type.rawValue
        self.country = country
        self.aliases = aliases
        self.demonyms = demonyms
        self.family = family
        self.bareFamilyName = bareFamilyName
        self.gender = gender
        self.titles = titles
        self.ignoreCase = ignoreCase
        self.wikidata = wikidata
        self.match = match
        self.noMatch = noMatch
    }

    /// The keys a line may use, in the file's `snake_case`.
    public static let keys: Set<String> = ["id", "name", "type", "country", "aliases", "demonyms", "family", "bare_family_name", "gender",
                                           "titles", "ignore_case", "wikidata", "match", "no_match"]
}
