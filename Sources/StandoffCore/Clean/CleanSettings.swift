/// The thresholds behind the cleaning heuristics, named so a reader can see what "prose" or
/// "a heading" means here; the lexicons of phrases live in `annotations/rules/boilerplate.jsonl`.
public struct CleanSettings: Sendable, Equatable {
    /// A line of at least this many words that ends like a sentence is prose.
    public var proseMinWords = 8
    /// A line of at least this many words is prose whatever its ending.
    public var longProseWords = 25
    /// A paragraph of at least this many words is certainly article text; author bios and
    /// footers are looked for only after the last such paragraph.
    public var anchorWords = 40
    /// A line inside the body of at most this many words that does not end like a sentence
    /// is a section heading.
    public var headingMaxWords = 12
    /// A headline has at most this many words.
    public var titleMaxWords = 25
    /// A prose paragraph of at least this many words whose text reappears inside another one
    /// is a repeat (a standfirst or pull quote).
    public var repeatedMinWords = 8
    /// Hard-wrapped text has lines of at most this many characters.
    public var wrapMaxLineLength = 120
    /// A line shorter than this (in characters) is never taken for a wrapped line.
    public var wrapMinLineLength = 40

    /// A block of fewer words is short: its neighbours decide whether it is body.
    public var shortBlockWords = 10
    /// A block of at least this many words, dense in function words, is good body text.
    public var goodBlockWords = 30
    /// The share of function words at and above which a block reads as running prose.
    public var functionWordsHigh = 0.30
    /// The share of function words below which a block is not prose at all.
    public var functionWordsLow = 0.20
    /// What each block classed as furniture costs the run of blocks taken for the article, in
    /// words of good text (plus half its own words).
    public var badBlockPenalty = 10
    /// What each line a rule removed between two blocks costs that run, in words of good text.
    public var removedLinePenalty = 4

    /// A caption, the block right above a picture credit, has at most this many words.
    public var captionMaxWords = 80

    /// The defaults, tuned on general newspaper conventions rather than any one page.
    public static let standard = CleanSettings()

    /// Creates the default settings.
    public init() {}
}
