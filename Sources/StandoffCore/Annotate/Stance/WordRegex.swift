/// A stance pattern compiled to match whole words, any letter case, with the literals one of
/// which every match contains.
///
/// Running every cue and topic pattern's regular expression on every sentence was most of
/// `annotate`'s time, and nearly every run finds nothing: a cue such as `should (?:\w+ )?welcome`
/// cannot match a sentence without `should` and `welcome`. The stance rules look for the literals
/// of all their patterns in one pass per sentence (a ``LiteralFilter``, kept by ``StanceText``),
/// and a pattern whose literals the sentence lacks is not run. Patterns the literal analysis does not
/// cover, and sentences holding a character that case-insensitive matching could read as ASCII
/// letters (`ß`, `ſ`, the Kelvin sign), always run the regular expression.
///
/// Most patterns that do run are word lists (`summits?`, `may|might|could`), and for those the
/// same pass finds the matches themselves (see ``isWordList``).
struct WordRegex: Sendable {
    /// The pattern wrapped so no letter or digit may touch either end of a match.
    let regex: SendableRegex
    /// Strings one of which every match contains, if the pattern shows any.
    let literals: RequiredLiterals?
    /// The pattern's index in the ``LiteralFilter`` of the rules it belongs to; `nil` for a
    /// pattern of its own, whose literals are looked for on their own.
    let filterIndex: Int?
    /// Whether the pattern is a list of ASCII strings (``RequiredLiterals/wholeMatches``) no two
    /// of which can match at the same place: then a match is an occurrence of one of them with
    /// no letter or digit on either side, the leftmost first, whichever alternative the pattern
    /// lists first. Two strings could both match where one is the other followed by something
    /// other than a letter or digit (`sit` and `sit down`); such lists are left to the regular
    /// expression.
    let isWordList: Bool

    /// Compiles `pattern`, number `filterIndex` of its rules' filter if it has one.
    init(_ pattern: String, filterIndex: Int? = nil) throws {
        regex = try SendableRegex(wordPattern: pattern)
        literals = RequiredLiterals(pattern: pattern)
        self.filterIndex = filterIndex
        isWordList = literals?.wholeMatches.map(WordRegex.matchOnePerPlace) ?? false
    }

    /// Whether no string of `words` is another followed by a byte other than a letter or digit.
    static func matchOnePerPlace(_ words: [[UInt8]]) -> Bool {
        !words.contains { longer in
            words.contains { shorter in
                shorter.count < longer.count && longer.starts(with: shorter) && !isASCIILetterOrDigit(longer[shorter.count])
            }
        }
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Whether the regular expression could match a sentence whose filter bytes (see
    /// ``BoilerplateLexicon/filterBytes(_:)``) are `lowered`; `nil` bytes rule nothing out.
    func mayMatch(_ lowered: [UInt8]?) -> Bool {
        guard let literals, let lowered else { return true }
        return lowered.withUnsafeBufferPointer(literals.occurs)
    }
}
