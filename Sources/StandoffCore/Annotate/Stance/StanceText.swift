import Foundation

/// A sentence cut into words and punctuation for the stance rules, with code-point offsets, and
/// regular-expression search that reports code-point ranges.
///
/// A word is a run of letters, digits and marks; an apostrophe followed by a letter stays inside
/// it (`Japan’s`, `don’t`), hyphens and dashes are punctuation of their own (`Japan-North Korea`
/// is four tokens). Words are compared lower-cased with curly apostrophes folded to `'`.
struct StanceText: Sendable {
    /// A word or one punctuation scalar.
    struct Token: Sendable, Equatable {
        /// Code-point offsets into the sentence, end-exclusive.
        var start: Int
        var end: Int
        /// Lower-cased, apostrophes folded to `'`; punctuation as written.
        var key: String
        /// Whether this is a word rather than punctuation.
        var isWord: Bool
        /// Whether white space (or the sentence start) comes right before the token.
        var spaceBefore: Bool
    }

    /// The sentence's scalars.
    let scalars: [Unicode.Scalar]
    /// Words and punctuation in order; white space is not a token.
    let tokens: [Token]
    /// The sentence, for regular expressions.
    let text: String
    /// `scalarOffset[u]` is the code-point offset of UTF-16 offset `u` (one longer than the text);
    /// `nil` when every scalar is one UTF-16 unit, so offsets are the same.
    private let scalarOffset: [Int]?
    /// The sentence with ASCII letters lower-cased, for ``WordRegex``'s literal filter; `nil`
    /// when it holds a character that could fold to ASCII letters.
    private let lowered: [UInt8]?
    /// The patterns of the rules' filter that could match the sentence, when it was given one.
    private let candidates: LiteralFilter.Candidates?

    /// Reads `text`; `filter`, the stance rules' (see ``StanceRules``), is searched once here so
    /// that each of its patterns needs only a look-up.
    init(_ text: String, filter: LiteralFilter? = nil) {
        // Appended one by one: building the array from the view counts the scalars first, a
        // second decoding of the text.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        var tokens: [Token] = []
        var position = 0
        var spaceBefore = true
        // One buffer for every token's key: building each key as a scalar view cost more than
        // the rest of the tokenizer.
        var keyBytes: [UInt8] = []
        while position < scalars.count {
            let scalar = scalars[position]
            if StanceText.isWhitespace(scalar) {
                spaceBefore = true
                position += 1
                continue
            }
            let start = position
            if EntityText.isWord(scalar) {
                while position < scalars.count {
                    if EntityText.isWord(scalars[position]) {
                        position += 1
                    } else if position + 1 < scalars.count, StanceText.isApostrophe(scalars[position]), EntityText.isWord(scalars[position + 1]) {
                        position += 2
                    } else {
                        break
                    }
                }
            } else {
                position += 1
            }
            keyBytes.removeAll(keepingCapacity: true)
            for index in start..<position {
                let folded = StanceText.fold(scalars[index])
                if folded.isASCII {
                    keyBytes.append(UInt8(folded.value))
                } else {
                    UTF8.encode(folded) { keyBytes.append($0) }
                }
            }
            let key = String(decoding: keyBytes, as: UTF8.self)
            tokens.append(Token(start: start, end: position, key: key, isWord: EntityText.isWord(scalar), spaceBefore: spaceBefore))
            spaceBefore = false
        }
        var scalarOffset: [Int]?
        if scalars.contains(where: { $0.value > 0xFFFF }) {
            var offsets: [Int] = []
            offsets.reserveCapacity(scalars.count * 2 + 1)
            for (index, scalar) in scalars.enumerated() {
                offsets.append(index)
                if scalar.value > 0xFFFF { offsets.append(index) }
            }
            offsets.append(scalars.count)
            scalarOffset = offsets
        }
        self.scalars = scalars
        self.tokens = tokens
        self.text = text
        self.scalarOffset = scalarOffset
        let lowered = BoilerplateLexicon.filterBytes(scalars, byteCount: text.utf8.count)
        self.lowered = lowered
        self.candidates = filter?.candidates(in: lowered)
    }

    /// Lower-cases a letter and folds curly apostrophes, one scalar for one scalar.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if isApostrophe(scalar) { return "'" }
        if scalar.value < 128 {
            return scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : scalar
    }

    /// Unicode white space; ASCII is decided without a property lookup.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 128 { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// Straight and curly apostrophes.
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    /// The text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Code-point ranges of every non-overlapping match of `pattern`, in text order.
    ///
    /// A pattern kept as alternatives runs only those the filter could not rule out. Their
    /// matches are merged as the alternation chooses: the leftmost start wins, and at the same
    /// start the alternative listed first. An alternative's own scan skips places inside its
    /// earlier matches; if such a match is cut short by another alternative's, a place it
    /// skipped could now start a match, and the whole pattern is run instead.
    func matches(of pattern: WordRegex) -> [Range<Int>] {
        guard !pattern.alternatives.isEmpty, let candidates, candidates.bits != nil else { return matches(of: pattern.whole) }
        var lists: [[Range<Int>]] = []
        for alternative in pattern.alternatives where candidates.contains(alternative.filterIndex!) {
            let found = matches(of: alternative)
            if !found.isEmpty { lists.append(found) }
        }
        guard lists.count > 1 else { return lists.first ?? [] }
        var next = [Int](repeating: 0, count: lists.count)
        var merged: [Range<Int>] = []
        var position = 0
        while true {
            var best: (list: Int, range: Range<Int>)?
            for list in lists.indices {
                while next[list] < lists[list].count, lists[list][next[list]].lowerBound < position {
                    if lists[list][next[list]].upperBound > position { return matches(of: pattern.whole.regex) }
                    next[list] += 1
                }
                guard next[list] < lists[list].count else { continue }
                let range = lists[list][next[list]]
                if best == nil || range.lowerBound < best!.range.lowerBound { best = (list, range) }
            }
            guard let best else { return merged }
            merged.append(best.range)
            position = best.range.upperBound
            next[best.list] += 1
        }
    }

    /// Code-point ranges of every non-overlapping match of one piece of a pattern, in text order.
    func matches(of pattern: WordRegex.Piece) -> [Range<Int>] {
        if let index = pattern.filterIndex, let candidates {
            guard candidates.contains(index) else { return [] }
            if pattern.isWordList, let matches = wordListMatches(of: index, in: candidates) { return matches }
        } else {
            guard pattern.mayMatch(lowered) else { return [] }
        }
        return matches(of: pattern.regex)
    }

    /// Code-point ranges of every non-overlapping match of `regex`, in text order.
    func matches(of regex: SendableRegex) -> [Range<Int>] {
        regex.ranges(in: text).map { range in
            guard let scalarOffset else { return range.location..<(range.location + range.length) }
            return scalarOffset[range.location]..<scalarOffset[range.location + range.length]
        }.filter { !$0.isEmpty }
    }

    /// The matches of word list `pattern` of the rules' filter (see ``WordRegex/isWordList``),
    /// from where the filter found its strings: each occurrence with no letter or digit on
    /// either side, left to right, none overlapping the one before. `nil` when the filter had no
    /// bytes to search (the regular expression decides then).
    func wordListMatches(of pattern: Int, in candidates: LiteralFilter.Candidates) -> [Range<Int>]? {
        guard candidates.bits != nil else { return nil }
        let found = candidates.occurrences(of: pattern)
        guard !found.isEmpty else { return [] }
        // Byte offsets are scalar offsets when the sentence is ASCII; otherwise the scalar
        // starting at byte `b` is the number of scalars started before it.
        var scalarOfByte: [Int]?
        if let lowered, lowered.count != scalars.count {
            var offsets: [Int] = []
            offsets.reserveCapacity(lowered.count + 1)
            var scalar = 0
            for byte in lowered {
                offsets.append(scalar)
                if byte & 0xC0 != 0x80 { scalar += 1 }
            }
            offsets.append(scalars.count)
            scalarOfByte = offsets
        }
        var matches: [Range<Int>] = []
        var position = 0
        for occurrence in found {
            let start = scalarOfByte?[Int(occurrence.start)] ?? Int(occurrence.start)
            // A whole match is ASCII: one scalar per byte.
            let end = start + Int(occurrence.end - occurrence.start)
            guard start >= position,
                  start == 0 || !Self.isLetterOrNumber(scalars[start - 1]),
                  end == scalars.count || !Self.isLetterOrNumber(scalars[end]) else { continue }
            matches.append(start..<end)
            position = end
        }
        return matches
    }

    /// `\p{L}`.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `[\p{L}\p{N}]`: what may not touch a word pattern's match.
    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return WordRegex.isASCIILetterOrDigit(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return isLetter(scalar)
        }
    }

    /// The index of the first token that ends after `offset` (the token holding it, or the next).
    func tokenIndex(atOrAfter offset: Int) -> Int {
        tokens.firstIndex { $0.end > offset } ?? tokens.count
    }

    /// The index of the last token that starts before `offset`, or -1.
    func tokenIndex(before offset: Int) -> Int {
        tokens.lastIndex { $0.start < offset } ?? -1
    }

    /// Whether the token at `index` ends a clause: a comma, semicolon, colon, bracket or a dash
    /// set off by spaces (a dash between words joins a compound such as `Japan–North Korea`).
    func isClauseBreak(_ index: Int) -> Bool {
        let token = tokens[index]
        guard !token.isWord else { return false }
        switch token.key {
        case ",", ";", ":", "(", ")", "—", "\u{2015}": return true
        case "–", "-":
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            return token.spaceBefore && (next?.spaceBefore ?? true)
        default: return false
        }
    }

    /// Whether the sentence asks a question: its last scalar other than closing quotes and brackets is `?`.
    var isQuestion: Bool {
        scalars.last { !Self.closing.contains($0) && !$0.properties.isWhitespace } == "?"
    }

    /// Closing quotes and brackets, which may follow a question mark.
    static let closing: Set<Unicode.Scalar> = ["\"", "\u{201D}", "\u{2019}", "'", ")", "]"]
}

extension SendableRegex {
    /// Compiles `pattern` to match whole words only: no letter or digit may touch either end.
    init(wordPattern pattern: String) throws {
        try self.init("(?<![\\p{L}\\p{N}])(?:" + pattern + ")(?![\\p{L}\\p{N}])", caseSensitive: false)
    }
}
