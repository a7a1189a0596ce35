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
/// A cue pattern is often a long list of alternatives (`nothing but|no more than|…`), and its
/// literals are then those of any alternative: one common word let the whole list run, and a
/// long alternation runs slowly, trying every branch at every place. Such a pattern is also
/// kept as its top-level alternatives (``Piece``), each with its own literals, and only the
/// alternatives a sentence could hold are run; their matches are merged as the alternation
/// would choose them (see ``StanceText/matches(of:)``).
///
/// Most patterns that do run are word lists (`summits?`, `may|might|could`), and for those the
/// same pass finds the matches themselves (see ``Piece/isWordList``).
struct WordRegex: Sendable {
    /// A pattern, or one of its top-level alternatives, compiled on its own.
    ///
    /// Immutable, and shared rather than copied: the stance rules read hundreds of patterns per
    /// sentence, and copying a value holding a regular expression and arrays of literals
    /// retained each of them every time.
    final class Piece: Sendable {
        /// The piece wrapped so no letter or digit may touch either end of a match.
        let regex: SendableRegex
        /// Strings one of which every match contains, if the piece shows any.
        let literals: RequiredLiterals?
        /// The piece's index in the ``LiteralFilter`` of the rules it belongs to; `nil` for a
        /// pattern of its own, whose literals are looked for on their own.
        let filterIndex: Int?
        /// Whether the piece is a list of ASCII strings (``RequiredLiterals/wholeMatches``) no two
        /// of which can match at the same place: then a match is an occurrence of one of them with
        /// no letter or digit on either side, the leftmost first, whichever alternative the pattern
        /// lists first. Two strings could both match where one is the other followed by something
        /// other than a letter or digit (`sit` and `sit down`); such lists are left to the regular
        /// expression.
        let isWordList: Bool

        init(_ pattern: String, literals: RequiredLiterals?, filterIndex: Int?) throws {
            regex = try SendableRegex(wordPattern: pattern)
            self.literals = literals
            self.filterIndex = filterIndex
            isWordList = literals?.wholeMatches.map(WordRegex.matchOnePerPlace) ?? false
        }
    }

    /// The whole pattern.
    let whole: Piece
    /// Its top-level alternatives, in order, when there are several and each has literals of its
    /// own; empty otherwise.
    let alternatives: [Piece]

    /// Compiles `pattern`. With a `filterIndex`, the pattern and its alternatives take the
    /// places of the rules' filter from there on (see ``filterEntries``); a pattern of its own
    /// is not split.
    init(_ pattern: String, filterIndex: Int? = nil) throws {
        let literals = RequiredLiterals(pattern: pattern)
        let branches = WordRegex.topLevelAlternatives(of: pattern)
        let branchLiterals = branches.map { RequiredLiterals(pattern: $0) }
        let wordList = literals?.wholeMatches.map(WordRegex.matchOnePerPlace) ?? false
        // A word list is found by the filter itself, without a regular expression to split.
        guard filterIndex != nil, branches.count > 1, !wordList, branchLiterals.allSatisfy({ $0 != nil }) else {
            whole = try Piece(pattern, literals: literals, filterIndex: filterIndex)
            alternatives = []
            return
        }
        // The alternatives' literals decide; the whole is run only to settle a rare overlap.
        whole = try Piece(pattern, literals: nil, filterIndex: filterIndex)
        alternatives = try zip(branches, branchLiterals).enumerated().map { index, branch in
            try Piece(branch.0, literals: branch.1, filterIndex: filterIndex.map { $0 + 1 + index })
        }
    }

    /// What the rules' filter holds for this pattern, in order from its ``Piece/filterIndex``:
    /// the literals of the whole, then of each alternative, and whether each is a word list.
    var filterEntries: [(literals: RequiredLiterals?, isWordList: Bool)] {
        ([whole] + alternatives).map { ($0.literals, $0.isWordList) }
    }

    /// The top-level alternatives of `pattern` (split at each `|` outside groups and brackets);
    /// the pattern alone when it has none, or uses syntax whose meaning could depend on what
    /// came before a `|` (inline flags, back-references).
    static func topLevelAlternatives(of pattern: String) -> [String] {
        let scalars = Array(pattern.unicodeScalars)
        var branches: [String] = []
        var start = 0
        var depth = 0
        var bracketDepth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                if index + 1 < scalars.count, scalars[index + 1].properties.numericType != nil || scalars[index + 1] == "k" { return [pattern] }
                index += 2
                continue
            }
            if bracketDepth > 0 {
                if scalar == "[" { bracketDepth += 1 } else if scalar == "]" { bracketDepth -= 1 }
            } else {
                switch scalar {
                case "[":
                    bracketDepth = 1
                    // A `]` right after `[` or `[^` is a member, not the end.
                    if index + 1 < scalars.count, scalars[index + 1] == "^" { index += 1 }
                    if index + 1 < scalars.count, scalars[index + 1] == "]" { index += 1 }
                case "(":
                    // `(?i)`, `(?-i:`…: flags that would reach across alternatives.
                    if index + 2 < scalars.count, scalars[index + 1] == "?",
                       scalars[index + 2] == "-" || scalars[index + 2].properties.isAlphabetic { return [pattern] }
                    depth += 1
                case ")":
                    depth -= 1
                case "|" where depth == 0:
                    branches.append(String(String.UnicodeScalarView(scalars[start..<index])))
                    start = index + 1
                default:
                    break
                }
            }
            index += 1
        }
        guard !branches.isEmpty, depth == 0, bracketDepth == 0 else { return [pattern] }
        branches.append(String(String.UnicodeScalarView(scalars[start...])))
        return branches
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
}

extension WordRegex.Piece {
    /// Whether the regular expression could match a sentence whose filter bytes (see
    /// ``BoilerplateLexicon/filterBytes(_:)``) are `lowered`; `nil` bytes rule nothing out.
    func mayMatch(_ lowered: [UInt8]?) -> Bool {
        guard let literals, let lowered else { return true }
        return lowered.withUnsafeBufferPointer(literals.occurs)
    }
}
