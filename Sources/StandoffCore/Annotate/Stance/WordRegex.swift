/// A stance pattern compiled to match whole words, any letter case, with the literals one of
/// which every match contains.
///
/// Running every cue and topic pattern's regular expression on every sentence was most of
/// `annotate`'s time, and nearly every run finds nothing: a cue such as `should (?:\w+ )?welcome`
/// cannot match a sentence without `should`. ``StanceText`` keeps the sentence lower-cased once,
/// and a pattern whose literals it lacks is not run. Patterns the literal analysis does not
/// cover, and sentences holding a character that case-insensitive matching could read as ASCII
/// letters (`ß`, `ſ`, the Kelvin sign), always run the regular expression.
struct WordRegex: Sendable {
    /// The pattern wrapped so no letter or digit may touch either end of a match.
    let regex: SendableRegex
    /// Strings one of which every match contains, if the pattern shows any.
    let literals: RequiredLiterals?

    /// Compiles `pattern`.
    init(_ pattern: String) throws {
        regex = try SendableRegex(wordPattern: pattern)
        literals = RequiredLiterals(pattern: pattern)
    }

    /// Whether the regular expression could match a sentence whose filter bytes (see
    /// ``BoilerplateLexicon/filterBytes(_:)``) are `lowered`; `nil` bytes rule nothing out.
    func mayMatch(_ lowered: [UInt8]?) -> Bool {
        guard let literals, let lowered else { return true }
        return lowered.withUnsafeBufferPointer(literals.occurs)
    }
}
