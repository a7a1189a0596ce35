/// Cuts English prose into sentences by rule, in one pass over the text's Unicode scalars.
///
/// A run of `.`, `!`, `?` or `…` ends a sentence when white space follows it (after any closing
/// quotes and brackets, which stay with the sentence) and the next word begins like a sentence:
/// with a capital or a digit. The ``AbbreviationLexicon`` decides after abbreviations: titles
/// (`Dr.`) never end a sentence, ambiguous abbreviations (`U.S.`, `Inc.`) and single initials end
/// one only before a listed sentence starter (`The`, `He`), and reference abbreviations (`p.`,
/// `No.`) never end one before a number. Ellipses end a sentence only before a sentence starter,
/// and a bracketed one (`[...]`) never does. Numbered and lettered list items (`1.`, `2)`, `b.`)
/// and bullets (`•`) start sentences of their own. A blank line always ends a sentence.
public struct SentenceSplitter: Sendable {
    /// The abbreviations and sentence starters the splitter consults.
    public let lexicon: AbbreviationLexicon

    /// Creates a splitter that consults `lexicon`.
    public init(lexicon: AbbreviationLexicon) {
        self.lexicon = lexicon
    }

    /// Sentence ranges as Unicode code-point (Unicode.Scalar) offsets into `text`, end-exclusive,
    /// in order, non-overlapping, each trimmed of white space at both ends.
    ///
    /// Together they cover every non-white-space scalar of `text` exactly once. A blank line
    /// ("\n" followed by optional spaces and "\n") is a hard boundary: no sentence spans it.
    /// A single "\n" is ordinary white space.
    public func split(_ text: String) -> [Range<Int>] {
        var scan = Scan(scalars: Array(text.unicodeScalars), lexicon: lexicon)
        scan.run()
        return scan.sentences
    }
}

extension SentenceSplitter {
    /// How list items are labelled: `1.`, `1)` or `1.)`.
    fileprivate enum ListPunctuation {
        case period, parenthesis, periodParenthesis
    }

    /// A numbered or lettered list that opened its paragraph, and the label its next item must carry.
    fileprivate struct ListState {
        var numeric: Bool
        var punctuation: ListPunctuation
        var next: Int
    }

    /// One left-to-right pass that records a cut wherever a sentence ends.
    fileprivate struct Scan {
        let s: [Unicode.Scalar]
        let n: Int
        let lexicon: AbbreviationLexicon
        /// Finished sentences, trimmed.
        var sentences: [Range<Int>] = []
        /// Where the current sentence's scalars begin, white space included.
        var segmentStart = 0
        /// The first token of the current sentence after any bullets; nil until there is one.
        var contentStart: Int?
        /// Whether the current paragraph has a token yet; a list must open its paragraph.
        var paragraphHasContent = false
        /// The list that opened the current paragraph, if any.
        var list: ListState?

        /// Tokens longer than this are never abbreviations or list labels, so the backward walk stops.
        static let longestToken = 32
        /// Words longer than this are never sentence starters.
        static let longestStarter = 24

        init(scalars: [Unicode.Scalar], lexicon: AbbreviationLexicon) {
            self.s = scalars
            self.n = scalars.count
            self.lexicon = lexicon
        }

        mutating func run() {
            var i = 0
            var atTokenStart = true
            while i < n {
                let c = s[i]
                if Scalars.isWhitespace(c) {
                    if c == "\n", let second = blankLineEnd(after: i) {
                        cut(at: i)
                        paragraphHasContent = false
                        list = nil
                        i = second + 1
                    } else if c == "\n", contentStart != nil, opensTurnOrItem(at: i + 1) {
                        // A transcript turn (`Q:`, `MODERATOR:`) or a dashed list item on a new line starts a sentence.
                        cut(at: i + 1)
                        i += 1
                    } else {
                        i += 1
                    }
                    atTokenStart = true
                    continue
                }
                if atTokenStart {
                    if Scalars.isBullet(c) {
                        if contentStart != nil { cut(at: i) }
                        // Still at a token start: in "⁃9." the label follows the bullet directly.
                        i += 1
                        continue
                    }
                    atTokenStart = false
                    if Scalars.isASCIIDigit(c) || Scalars.isASCIILowercase(c) {
                        listLabel(at: i)
                    }
                    if contentStart == nil {
                        contentStart = i
                        paragraphHasContent = true
                    }
                }
                if Scalars.isFullStopCJK(c) {
                    i = cjkTerminal(at: i)
                    // The next sentence may follow with no space between.
                    atTokenStart = true
                    continue
                }
                if Scalars.isTerminal(c) {
                    i = terminal(at: i)
                    continue
                }
                i += 1
            }
            cut(at: n)
        }

        /// A CJK full stop, exclamation or question mark ends its sentence with no space after it;
        /// closing brackets and quotes that follow stay with the sentence.
        mutating func cjkTerminal(at start: Int) -> Int {
            var k = start + 1
            while k < n, Scalars.isFullStopCJK(s[k]) || Scalars.isTerminal(s[k]) { k += 1 }
            let marksEnd = k
            while k < n, Scalars.isCloser(s[k]) || Scalars.isCloserCJK(s[k]) { k += 1 }
            // A quotation closed and continued at once (「行く。」と言った) is part of its sentence.
            if k > marksEnd, k < n, !Scalars.isWhitespace(s[k]), !Scalars.isOpener(s[k]), s[k] != "「", s[k] != "『" { return k }
            cut(at: k)
            return k
        }

        /// Whether the line starting at `p` opens a transcript turn, a speaker's label of up to four
        /// words in capitals and a colon (`Q:`, `MINISTER ITO:`, `MODERATOR:`), or a dashed list item
        /// (`- item`). The look-ahead is bounded, so scanning stays linear.
        func opensTurnOrItem(at start: Int) -> Bool {
            var p = start
            while p < n, s[p] == " " || s[p] == "\t" { p += 1 }
            guard p < n else { return false }
            if (s[p] == "-" || s[p] == "*" || s[p] == "–"), p + 1 < n, s[p + 1] == " " {
                // In a hard-wrapped paragraph a spaced dash may open a line mid-sentence; an item
                // follows a colon or a full stop, or another item.
                var b = start - 1
                while b > 0, Scalars.isWhitespace(s[b - 1]) { b -= 1 }
                let before = b > 0 ? s[b - 1] : "\n"
                if let first = contentStart, s[first] == "-" || s[first] == "*" || s[first] == "–" { return true }
                return before == ":" || before == ";" || Scalars.isTerminal(before) || Scalars.isCloser(before)
            }
            guard Scalars.isUppercase(s[p]) else { return false }
            var words = 0
            var q = p
            let limit = min(n, p + 48)
            while q < limit {
                // Capitals only: a wrapped line may well begin with a capitalised word and a colon (`Geneva: a city`).
                guard Scalars.isUppercase(s[q]) else { return false }
                while q < limit, Scalars.isUppercase(s[q]) || s[q] == "." || s[q] == "-" || s[q] == "'" { q += 1 }
                words += 1
                guard q < limit, words <= 4 else { return false }
                if s[q] == ":" { return q + 1 < n && Scalars.isWhitespace(s[q + 1]) }
                guard s[q] == " " else { return false }
                q += 1
            }
            return false
        }

        /// Ends the current sentence before `position`.
        mutating func cut(at position: Int) {
            var lower = segmentStart
            var upper = position
            while lower < upper, Scalars.isWhitespace(s[lower]) { lower += 1 }
            while upper > lower, Scalars.isWhitespace(s[upper - 1]) { upper -= 1 }
            if lower < upper { sentences.append(lower..<upper) }
            segmentStart = position
            contentStart = nil
        }

        /// The index of the "\n" that closes a blank line opened by the "\n" at `index`, if there is one.
        func blankLineEnd(after index: Int) -> Int? {
            var j = index + 1
            while j < n, s[j] != "\n", Scalars.isWhitespace(s[j]) { j += 1 }
            return j < n && s[j] == "\n" ? j : nil
        }

        /// Handles a token that may label a list item; cuts before the next item of a list opened by `1` or `a`.
        mutating func listLabel(at i: Int) {
            var j = i
            var value = 0
            let numeric = Scalars.isASCIIDigit(s[i])
            if numeric {
                while j < n, j - i <= 3, Scalars.isASCIIDigit(s[j]) {
                    value = value * 10 + Int(s[j].value - 0x30)
                    j += 1
                }
                if j - i > 3 { return }
            } else {
                value = Int(s[i].value) - 0x60
                j = i + 1
            }
            guard j < n else { return }
            let punctuation: ListPunctuation
            if s[j] == "." {
                if j + 1 < n, s[j + 1] == ")" {
                    punctuation = .periodParenthesis
                    j += 2
                } else {
                    punctuation = .period
                    j += 1
                }
            } else if s[j] == ")" {
                punctuation = .parenthesis
                j += 1
            } else {
                return
            }
            guard j < n, Scalars.isWhitespace(s[j]) else { return }
            // Items begin with a capital; "1) cost, 2) time" inside a sentence is not a list of sentences.
            var p = j
            while p < n, Scalars.isWhitespace(s[p]) { p += 1 }
            while p < n, Scalars.isOpener(s[p]) { p += 1 }
            guard p < n, Scalars.isUppercase(s[p]) else { return }
            if !paragraphHasContent {
                if value == 1 { list = ListState(numeric: numeric, punctuation: punctuation, next: 2) }
            } else if var state = list, state.numeric == numeric, state.punctuation == punctuation, state.next == value {
                if contentStart != nil { cut(at: i) }
                state.next += 1
                list = state
            }
        }

        /// Decides whether the run of sentence-ending marks starting at `start` ends a sentence,
        /// cuts if it does, and returns the index to resume scanning from.
        mutating func terminal(at start: Int) -> Int {
            var j = start
            var dots = 0
            var marks = false
            var spacedAt: Int?
            while true {
                while j < n {
                    let c = s[j]
                    if c == "." {
                        dots += 1
                    } else if c == "…" {
                        dots += 3
                    } else if Scalars.isTerminal(c) {
                        marks = true
                    } else {
                        break
                    }
                    j += 1
                }
                // A spaced ellipsis (". . .") continues the run: a space, then a dot standing alone.
                if j + 1 < n, s[j] == " ", s[j + 1] == ".", s[j - 1] == "." || s[j - 1] == "…",
                   j + 2 == n || Scalars.isWhitespace(s[j + 2]) || Scalars.isTerminal(s[j + 2]) || Scalars.isCloser(s[j + 2]) {
                    if spacedAt == nil { spacedAt = j }
                    j += 1
                    continue
                }
                break
            }
            let runEnd = j
            var k = runEnd
            while k < n, Scalars.isCloser(s[k]) { k += 1 }
            // A footnote reference stays with the sentence it closes ("behaviour.[1] Next").
            if k < n, s[k] == "[" {
                var f = k + 1
                while f < n, f - k <= 4, Scalars.isASCIIDigit(s[f]) { f += 1 }
                if f > k + 1, f < n, s[f] == "]" {
                    k = f + 1
                    while k < n, Scalars.isCloser(s[k]) { k += 1 }
                }
            }
            // "3.5", "U.S.A", "Jr.'s", "example.com": no white space, no boundary.
            guard k == n || Scalars.isWhitespace(s[k]) else { return runEnd }

            var p = k
            while p < n, Scalars.isWhitespace(s[p]) { p += 1 }
            while p < n, Scalars.isOpener(s[p]) { p += 1 }
            // At the end of the text the final cut closes the sentence.
            guard p < n else { return k }

            // Marks with nothing before them in the sentence but quotes end nothing ("“… and then").
            guard var first = contentStart else { return runEnd }
            while first < start, Scalars.isOpener(s[first]) { first += 1 }
            guard first < start else { return runEnd }
            // "[...]", "(?)": an omission or an editor's mark inside brackets.
            if start > 0, s[start - 1] == "[" || s[start - 1] == "(" { return runEnd }

            let next = s[p]
            let nextIsUpper = Scalars.isUppercase(next)
            let nextIsDigit = Scalars.isDigit(next)
                || (Scalars.isCurrency(next) && p + 1 < n && Scalars.isDigit(s[p + 1]))
            // A lower-case word or other punctuation continues the sentence ("Yahoo! in", "great.' she").
            guard nextIsUpper || nextIsDigit else { return runEnd }

            if marks || dots >= 4 {
                // "word. . . . Next": the attached period ends the sentence, the spaced ellipsis opens the next.
                if !marks, let spaced = spacedAt, spaced == start + 1, s[start] == ".", k == runEnd,
                   start > 0, !Scalars.isWhitespace(s[start - 1]) {
                    cut(at: start + 1)
                    contentStart = start + 2
                    return runEnd
                }
                cut(at: k)
                return k
            }
            if dots == 3 {
                // An ellipsis marks a pause or an omission as often as an end.
                if nextIsUpper, startsSentence(at: p) {
                    cut(at: k)
                    return k
                }
                return runEnd
            }
            if periodEndsSentence(at: start, next: p, nextIsUpper: nextIsUpper, nextIsDigit: nextIsDigit) {
                cut(at: k)
                return k
            }
            return runEnd
        }

        /// Whether the period at `period` ends a sentence, given that a capital or a digit follows at `next`.
        func periodEndsSentence(at period: Int, next: Int, nextIsUpper: Bool, nextIsDigit: Bool) -> Bool {
            var t = period
            let limit = max(0, period - Self.longestToken)
            while t > limit, !Scalars.isWhitespace(s[t - 1]) { t -= 1 }
            if t > 0, !Scalars.isWhitespace(s[t - 1]) { return true }
            while t < period, Scalars.isOpener(s[t]) || Scalars.isBullet(s[t]) { t += 1 }
            if t == period { return true }
            // "1. The first item", "b. The second item": a label opening its sentence.
            if t == contentStart, isListLabel(t..<period) { return false }
            switch lexicon.kind(exact: string(t..<period, lowercased: false), lowercased: string(t..<period, lowercased: true)) {
            case .title?, .nonFinal?:
                return false
            case .ambiguous?:
                return nextIsUpper && (startsSentence(at: next) || timeBeforeTitle(abbreviation: t, next: next))
            case .beforeNumber?:
                if nextIsDigit { return false }
            case .sentenceStarters?, nil:
                break
            }
            // A lone capital is an initial ("Jonas E. Smith"); dotted initials ("Ph.D", "U.S.A") abbreviate.
            if (period - t == 1 && Scalars.isUppercase(s[t])) || isDottedInitials(t..<period) {
                return nextIsUpper && startsSentence(at: next)
            }
            return true
        }

        /// Whether an abbreviation after a number (`6 p.m.`) is followed by a title (`Mr.`): a measure
        /// ends its clause there, since a title starts a name and a name is no part of a time. A short
        /// fronted phrase (`At 5 a.m. Mr. Smith went`) is no sentence of its own, so three words or
        /// fewer before the title do not end one.
        func timeBeforeTitle(abbreviation t: Int, next: Int) -> Bool {
            // The word after is a title abbreviation.
            var q = next
            while q < n, q - next <= Self.longestToken, Scalars.isLetter(s[q]) { q += 1 }
            guard q > next, q < n, s[q] == ".",
                  lexicon.kind(exact: string(next..<q, lowercased: false), lowercased: string(next..<q, lowercased: true)) == .title else { return false }
            // The token before the abbreviation is a number.
            var e = t
            while e > 0, Scalars.isWhitespace(s[e - 1]) { e -= 1 }
            guard e < t, e > 0, Scalars.isASCIIDigit(s[e - 1]) else { return false }
            // More than three words since the sentence began.
            guard let first = contentStart else { return false }
            var words = 0
            var b = e
            while b > first && words <= 3 {
                while b > first, !Scalars.isWhitespace(s[b - 1]) { b -= 1 }
                words += 1
                while b > first, Scalars.isWhitespace(s[b - 1]) { b -= 1 }
            }
            return words + 1 > 3
        }

        /// Whether the word at `p` is a listed sentence starter; a word followed by a period is an abbreviation.
        func startsSentence(at p: Int) -> Bool {
            guard Scalars.isUppercase(s[p]) else { return false }
            var q = p
            while q < n, Scalars.isLetter(s[q]) {
                q += 1
                if q - p > Self.longestStarter { return false }
            }
            if q < n, s[q] == "." { return false }
            return lexicon.isSentenceStarter(string(p..<q, lowercased: false))
        }

        /// The scalars in `range` as a string, written as UTF-8 directly: this runs at many periods.
        func string(_ range: Range<Int>, lowercased: Bool) -> String {
            var ascii = true
            var count = 0
            for index in range {
                let value = s[index].value
                if value >= 0x80 { ascii = false }
                count += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
            }
            guard ascii else {
                let text = String(String.UnicodeScalarView(s[range]))
                return lowercased ? text.lowercased() : text
            }
            return String(unsafeUninitializedCapacity: count) { buffer in
                var written = 0
                for index in range {
                    var byte = UInt8(truncatingIfNeeded: s[index].value)
                    if lowercased, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                    buffer[written] = byte
                    written += 1
                }
                return written
            }
        }

        /// Up to three digits or one lower-case letter: `1`, `10`, `b`.
        func isListLabel(_ range: Range<Int>) -> Bool {
            if range.count == 1, Scalars.isASCIILowercase(s[range.lowerBound]) { return true }
            return range.count <= 3 && range.allSatisfy { Scalars.isASCIIDigit(s[$0]) }
        }

        /// Groups of one or two letters joined by single periods: `U.S.A`, `e.g`, `Ph.D`.
        func isDottedInitials(_ range: Range<Int>) -> Bool {
            var groupLength = 0
            var groups = 0
            for index in range {
                if s[index] == "." {
                    if groupLength == 0 { return false }
                    groups += 1
                    groupLength = 0
                } else if Scalars.isLetter(s[index]) {
                    groupLength += 1
                    if groupLength > 2 { return false }
                } else {
                    return false
                }
            }
            return groups >= 1 && groupLength > 0
        }
    }

    /// Classes of scalars, with ASCII answered without a property lookup.
    fileprivate enum Scalars {
        static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return c == " " || (c.value >= 0x09 && c.value <= 0x0D) }
            return c.properties.isWhitespace
        }

        static func isTerminal(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case ".", "!", "?", "…", "‼", "⁇", "⁈", "⁉": return true
            default: return false
            }
        }

        /// Marks that close a quotation or a parenthesis and stay with the sentence they close.
        static func isCloser(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "\"", "'", "”", "’", ")", "]", "}", "»", "›": return true
            default: return false
            }
        }

        /// Marks that open a quotation or a parenthesis before a word.
        static func isOpener(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "\"", "'", "“", "‘", "(", "[", "{", "«", "‹", "„", "‚": return true
            default: return false
            }
        }

        /// The CJK full stop, exclamation and question marks (ideographic and full width).
        static func isFullStopCJK(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "。", "！", "？", "｡": return true
            default: return false
            }
        }

        /// CJK closing brackets and quotes.
        static func isCloserCJK(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "」", "』", "）", "】", "〉", "》", "〕", "］", "｝", "〗", "〙": return true
            default: return false
            }
        }

        static func isBullet(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "•", "‣", "⁃", "◦", "▪", "●": return true
            default: return false
            }
        }

        static func isUppercase(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
            return c.properties.isUppercase || c.properties.generalCategory == .titlecaseLetter
        }

        static func isLetter(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
            return c.properties.isAlphabetic
        }

        static func isDigit(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return isASCIIDigit(c) }
            return c.properties.numericType == .decimal
        }

        static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool {
            c.value >= 0x30 && c.value <= 0x39
        }

        static func isASCIILowercase(_ c: Unicode.Scalar) -> Bool {
            c.value >= 0x61 && c.value <= 0x7A
        }

        static func isCurrency(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return c == "$" }
            return c.properties.generalCategory == .currencySymbol
        }
    }
}
