/// A raw line with its white space folded and the measures the cleaning heuristics use.
struct PageLine: Sendable {
    /// 1-based raw line number.
    let number: Int
    /// The line as decoded.
    let raw: String
    /// White space runs (including non-breaking and other Unicode spaces) folded to one space,
    /// invisible format characters dropped, ends trimmed.
    let folded: String
    /// Number of white-space-separated words in `folded`.
    let words: Int

    init(number: Int, raw: Substring) {
        self.number = number
        self.raw = String(raw)
        self.folded = PageLine.fold(raw)
        self.words = PageLine.wordCount(folded)
    }

    var isBlank: Bool { folded.isEmpty }

    /// Folds white space as described on ``folded``.
    static func fold<S: StringProtocol>(_ text: S) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if PageLine.isWhitespace(scalar) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            // Zero-width spaces, joiners at word edges, soft hyphens and stray BOMs are invisible
            // in the page and would only split words that look whole to a reader.
            if scalar == "\u{200B}" || scalar == "\u{2060}" || scalar == "\u{FEFF}" || scalar == "\u{00AD}" { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Unicode white space, with ASCII answered without a property lookup (most text is ASCII).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
        }
        return scalar.properties.isWhitespace
    }

    static func wordCount(_ folded: String) -> Int {
        folded.isEmpty ? 0 : folded.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
    }

    /// Whether the text ends as a sentence does: `.`, `!`, `?` or `…`, possibly followed by
    /// closing quotes or brackets.
    static func endsSentence(_ folded: String) -> Bool {
        for scalar in folded.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "'", "\u{2019}", "\u{201D}", ")", "]", "\u{00BB}": continue
            case ".", "!", "?", "\u{2026}": return true
            default: return false
            }
        }
        return false
    }

    /// Whether the text has a letter or a digit at all.
    static func hasText(_ folded: String) -> Bool {
        folded.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// Whether the first letter-like character is lowercase, as in a hard-wrapped continuation.
    static func startsLowercase(_ folded: String) -> Bool {
        guard let first = folded.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return false }
        return first.properties.isLowercase
    }
}
