/// One line of `annotations/rules/abbreviations.jsonl`: a list of abbreviations, or of sentence-starting
/// words, that the sentence splitter treats alike.
///
/// Abbreviations are written as they appear in text, final period included (`"U.S."`, `"a.m."`).
/// Every line carries examples of its own; the tests split each one and compare.
public struct AbbreviationRule: RuleLineDecodable, Equatable {
    /// What a period after one of the line's abbreviations means, or what the line's words are for.
    public enum Kind: String, Sendable, CaseIterable {
        /// A title before a name (`Dr.`, `Sen.`): the period never ends a sentence.
        case title
        /// An abbreviation that introduces what follows (`e.g.`, `vs.`): the period never ends a sentence.
        case nonFinal = "non-final"
        /// An abbreviation that may end a sentence (`U.S.`, `Inc.`, `a.m.`): the period ends one only
        /// when the next word is a sentence starter.
        case ambiguous
        /// An abbreviation used before a number (`p.`, `No.`, `Nov.`): the period never ends a sentence
        /// before a number and acts as an ordinary period elsewhere.
        case beforeNumber = "before-number"
        /// Capitalised words that usually begin a sentence (`The`, `He`, `How`), listed in `words`.
        case sentenceStarters = "sentence-starters"
    }

    /// A text and the sentences the splitter must cut it into.
    public struct Example: Decodable, Sendable, Equatable {
        /// The input text.
        public var text: String
        /// The expected sentences, in order, each trimmed of white space.
        public var sentences: [String]

        /// Creates an example.
        public init(text: String, sentences: [String]) {
            self.text = text
            self.sentences = sentences
        }
    }

    /// A readable slug, unique within the file, e.g. `titles-civil`.
    public var id: String
    /// One sentence: what the line lists and why.
    public var summary: String
    /// The line's kind as written; one of ``Kind``'s raw values.
    public var kind: String
    /// The abbreviations, each with its final period; required for every kind but `sentence-starters`.
    public var abbreviations: [String]?
    /// The words of a `sentence-starters` line, capitalised as they begin a sentence.
    public var words: [String]?
    /// When true, abbreviations match only as written (`Ill.` the state, not `ill.`); otherwise in any case.
    public var caseSensitive: Bool?
    /// Texts and their expected sentences; at least one.
    public var examples: [Example]

    /// The kind as a ``Kind``, or nil when `kind` names none.
    public var resolvedKind: Kind? { Kind(rawValue: kind) }

    /// The keys a line may use, in the file's `snake_case`.
    public static let keys: Set<String> = ["id", "summary", "kind", "abbreviations", "words", "case_sensitive", "examples"]

    /// Creates a rule line's contents.
    public init(
        id: String,
        summary: String,
        kind: Kind,
        abbreviations: [String]? = nil,
        words: [String]? = nil,
        caseSensitive: Bool? = nil,
        examples: [Example]
    ) {
        self.id = id
        self.summary = summary
        self.kind = kind.rawValue
        self.abbreviations = abbreviations
        self.words = words
        self.caseSensitive = caseSensitive
        self.examples = examples
    }
}

/// The lookup tables the sentence splitter consults at a period, built from abbreviation rule lines.
public struct AbbreviationLexicon: Sendable {
    /// The lines the lexicon was built from, in file order.
    public let rules: [RuleLine<AbbreviationRule>]
    /// Lower-cased abbreviations without their final period, for lines that match in any case.
    private let anyCase: [String: AbbreviationRule.Kind]
    /// Abbreviations without their final period, as written, for case-sensitive lines.
    private let exactCase: [String: AbbreviationRule.Kind]
    /// Sentence-starting words, as written.
    private let sentenceStarters: Set<String>

    /// Builds the lookup tables; lines with an unknown kind are skipped (``decode(file:contents:)`` rejects them).
    public init(rules: [RuleLine<AbbreviationRule>]) {
        var anyCase: [String: AbbreviationRule.Kind] = [:]
        var exactCase: [String: AbbreviationRule.Kind] = [:]
        var starters: Set<String> = []
        for line in rules {
            guard let kind = line.rule.resolvedKind else { continue }
            if kind == .sentenceStarters {
                starters.formUnion(line.rule.words ?? [])
                continue
            }
            let exact = line.rule.caseSensitive ?? false
            // The first line to list an abbreviation wins, as it would on reading the file top down.
            for abbreviation in line.rule.abbreviations ?? [] {
                let stem = Self.stem(abbreviation)
                if exact {
                    if exactCase[stem] == nil { exactCase[stem] = kind }
                } else {
                    let key = stem.lowercased()
                    if anyCase[key] == nil { anyCase[key] = kind }
                }
            }
        }
        self.rules = rules
        self.anyCase = anyCase
        self.exactCase = exactCase
        self.sentenceStarters = starters
    }

    /// Decodes and checks an abbreviation rule file.
    ///
    /// - Throws: ``StandoffError/invalidRule(file:line:reason:)`` for a line that does not decode, names an
    ///   unknown kind, lists nothing, repeats an abbreviation or id of an earlier line, or has no example.
    public static func decode(file: String, contents: String) throws -> AbbreviationLexicon {
        let lines = try RuleFile.decode(AbbreviationRule.self, file: file, contents: contents)
        var firstLineOfID: [String: Int] = [:]
        var firstLineOfKey: [String: Int] = [:]
        for line in lines {
            func invalid(_ reason: String) -> StandoffError {
                .invalidRule(file: line.file, line: line.line, reason: reason)
            }
            let rule = line.rule
            guard let kind = rule.resolvedKind else {
                let known = AbbreviationRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw invalid("unknown kind '\(rule.kind)'; use one of: \(known)")
            }
            if rule.id.isEmpty || rule.id.contains(where: \.isWhitespace) {
                throw invalid("'id' must be a non-empty slug without spaces, e.g. 'titles-civil'")
            }
            if let earlier = firstLineOfID[rule.id] {
                throw invalid("id '\(rule.id)' is already used on line \(earlier); give this line its own id")
            }
            firstLineOfID[rule.id] = line.line
            if rule.summary.isEmpty {
                throw invalid("'summary' is empty; say in one sentence what the line lists")
            }
            if rule.examples.isEmpty {
                throw invalid("'examples' is empty; add at least one {\"text\": ..., \"sentences\": [...]} of this line's own")
            }
            if let index = rule.examples.firstIndex(where: { $0.sentences.isEmpty }) {
                throw invalid("example \(index + 1) has no 'sentences'; list the sentences its text splits into")
            }
            if kind == .sentenceStarters {
                if rule.abbreviations != nil {
                    throw invalid("a sentence-starters line lists 'words', not 'abbreviations'")
                }
                guard let words = rule.words, !words.isEmpty else {
                    throw invalid("'words' is missing or empty; list the capitalised words that begin sentences")
                }
                if let bad = words.first(where: { !isCapitalisedWord($0) }) {
                    throw invalid("'\(bad)' is not a capitalised word of letters only, e.g. 'The'")
                }
                continue
            }
            if rule.words != nil {
                throw invalid("a \(kind.rawValue) line lists 'abbreviations', not 'words'")
            }
            guard let abbreviations = rule.abbreviations, !abbreviations.isEmpty else {
                throw invalid("'abbreviations' is missing or empty; list the abbreviations, each with its final period")
            }
            for abbreviation in abbreviations {
                guard abbreviation.count >= 2, abbreviation.hasSuffix("."), !abbreviation.contains(where: \.isWhitespace) else {
                    throw invalid("'\(abbreviation)' must be written as in text, with its final period and no spaces, e.g. 'Dr.'")
                }
                // Any-case and case-sensitive entries collide when they fold to the same word.
                let key = stem(abbreviation).lowercased()
                if let earlier = firstLineOfKey[key] {
                    throw invalid("'\(abbreviation)' is already listed on line \(earlier); keep each abbreviation on one line")
                }
                firstLineOfKey[key] = line.line
            }
        }
        return AbbreviationLexicon(rules: lines)
    }

    /// The kind of the abbreviation `word` (written without its final period), or nil when it is not listed.
    public func kind(of word: String) -> AbbreviationRule.Kind? {
        kind(exact: word, lowercased: word.lowercased())
    }

    /// The kind of an abbreviation given as written and lower-cased, so a caller that has both builds neither twice.
    func kind(exact: String, lowercased: String) -> AbbreviationRule.Kind? {
        if !exactCase.isEmpty, let kind = exactCase[exact] { return kind }
        return anyCase[lowercased]
    }

    /// Whether `word` (letters only, as written) is listed as a sentence starter.
    public func isSentenceStarter(_ word: String) -> Bool {
        sentenceStarters.contains(word)
    }

    /// An abbreviation without its final period.
    private static func stem(_ abbreviation: String) -> String {
        String(abbreviation.dropLast())
    }

    /// A word of letters whose first letter is upper case.
    private static func isCapitalisedWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        return word.allSatisfy(\.isLetter)
    }
}
