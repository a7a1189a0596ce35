/// A web page's hand-made article body and declared metadata, one line of a `truth.jsonl` file
/// in the format of the article-extraction benchmark the development pages come from.
public struct PageTruth: Sendable, Decodable, Equatable {
    /// The page id, which is the raw file's stem.
    public var id: String
    /// The article body as a person extracted it.
    public var articleBody: String
    /// The headline the page declares in its markup.
    public var headline: String?
    /// `YYYY-MM-DD` the page declares.
    public var published: String?
    /// Whether each text converter's dump of the page shows the headline and the date at all,
    /// by converter name; a page missing from it counts as showing both.
    public var inDump: [String: Visibility]?

    /// Whether a dump shows the headline and the date.
    public struct Visibility: Sendable, Decodable, Equatable {
        public var headline: Bool
        public var published: Bool

        public init(headline: Bool, published: Bool) {
            self.headline = headline
            self.published = published
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, articleBody, headline, published
        case inDump = "in_dump"
    }

    /// Creates a page's truth (tests build them in code).
    public init(id: String, articleBody: String, headline: String? = nil, published: String? = nil, inDump: [String: Visibility]? = nil) {
        self.id = id
        self.articleBody = articleBody
        self.headline = headline
        self.published = published
        self.inDump = inDump
    }

    /// What the dump made by `converter` shows; every field when the truth does not say.
    public func visibility(in converter: String?) -> Visibility {
        guard let converter, let shown = inDump?[converter] else { return Visibility(headline: true, published: true) }
        return shown
    }
}
