/// A person's labels for one article, in the format of the development corpus (`gold/<doc>.json`):
/// the role of every non-blank raw line, the metadata, and every body sentence with its stance
/// and entity mentions. The format is described in the README ("Measuring quality").
public struct GoldDocument: Sendable, Decodable, Equatable {
    /// The raw file's stem, which is the document id.
    public var doc: String
    /// The headline as printed, or `nil` when the page has none.
    public var title: String?
    /// Person names as printed in the byline or bio.
    public var authors: [String]
    /// The outlet, where the page states it.
    public var publication: String?
    /// `YYYY-MM-DD` of first publication, where the page states it.
    public var published: String?
    /// One role per non-blank raw line (1-based line numbers).
    public var lines: [Line]
    /// Body sentences in order.
    public var sentences: [GoldSentence]

    /// A raw line's role.
    public struct Line: Sendable, Decodable, Equatable {
        /// 1-based physical line number.
        public var n: Int
        /// What the line is.
        public var role: LineRole
    }

    /// Creates gold labels (tests build them in code).
    public init(doc: String, title: String? = nil, authors: [String] = [], publication: String? = nil, published: String? = nil,
                lines: [Line] = [], sentences: [GoldSentence] = []) {
        self.doc = doc
        self.title = title
        self.authors = authors
        self.publication = publication
        self.published = published
        self.lines = lines
        self.sentences = sentences
    }
}

extension GoldDocument.Line {
    /// Creates a line label.
    public init(_ n: Int, _ role: LineRole) {
        self.n = n
        self.role = role
    }
}

/// What a raw line of a page is, as a careful reader marks it. Only `body` lines belong in the
/// cleaned text; every other role is removed (and `title`, `byline` and `meta` feed metadata).
public enum LineRole: String, Sendable, Decodable, CaseIterable, Comparable {
    case title, dek, byline, meta, heading, body, boilerplate

    public static func < (lhs: LineRole, rhs: LineRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One gold body sentence: its exact text, stance toward the target and entity mentions.
public struct GoldSentence: Sendable, Decodable, Equatable {
    /// The sentence exactly as in the body (wrapped lines joined by one space).
    public var text: String
    /// `favor`, `against` or `none` toward the evaluated target.
    public var stance: String
    /// Every mention, in order.
    public var entities: [GoldMention]

    /// Creates a gold sentence.
    public init(text: String, stance: String = "none", entities: [GoldMention] = []) {
        self.text = text
        self.stance = stance
        self.entities = entities
    }
}

/// One gold entity mention: surface text, type and the entity's canonical full name.
public struct GoldMention: Sendable, Decodable, Equatable {
    /// The mention's text (no titles, roles or possessive endings).
    public var text: String
    /// `PERSON`, `GPE`, `ORG`, `NORP` or `EVENT`.
    public var type: String
    /// One full name per real-world entity, the same across articles.
    public var canonical: String

    /// Creates a gold mention.
    public init(text: String, type: String, canonical: String) {
        self.text = text
        self.type = type
        self.canonical = canonical
    }
}
