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

    /// `folded`, lower-cased: the key for finding repeated lines and the headline.
    let lowered: String
    /// Whether the line starts with a list bullet or number (see ``isListItem(folded:raw:)``).
    let listItem: Bool

    init(number: Int, raw: Substring) {
        self.number = number
        self.raw = String(raw)
        self.folded = PageLine.fold(self.raw)
        self.words = PageLine.wordCount(folded)
        self.lowered = TextBytes.lowercased(folded)
        self.listItem = PageLine.isListItem(folded: folded, raw: self.raw)
    }

    var isBlank: Bool { folded.isEmpty }

    /// Folds white space as described on ``folded``.
    static func fold<S: StringProtocol>(_ text: S) -> String {
        var text = String(text)
        // Works on UTF-8 bytes and returns the text itself when nothing changes (most lines):
        // appending scalar by scalar to a new string was the bulk of this stage's time.
        return text.withUTF8 { bytes -> String? in
            guard !isFolded(bytes) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let length = TextBytes.scalarLength(lead: bytes[index])
                let scalar = ScalarOffsets.decode(bytes, at: index)
                defer { index += length }
                if TextBytes.isWhitespace(scalar) {
                    pendingSpace = !output.isEmpty
                    continue
                }
                // Zero-width spaces, joiners at word edges, soft hyphens and stray BOMs are invisible
                // in the page and would only split words that look whole to a reader.
                if isInvisible(scalar) { continue }
                if pendingSpace {
                    output.append(0x20)
                    pendingSpace = false
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// Whether folding would leave `bytes` as they are: single spaces between words only, no
    /// other white space, nothing invisible.
    static func isFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousIsSpace = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20 {
                    if previousIsSpace { return false }
                    previousIsSpace = true
                } else if byte >= 0x09 && byte <= 0x0D {
                    return false
                } else {
                    previousIsSpace = false
                }
                index += 1
                continue
            }
            let scalar = ScalarOffsets.decode(bytes, at: index)
            if TextBytes.isWhitespace(scalar) || isInvisible(scalar) { return false }
            previousIsSpace = false
            index += TextBytes.scalarLength(lead: byte)
        }
        return !previousIsSpace || bytes.isEmpty
    }

    /// Zero-width space, word joiner, byte-order mark and soft hyphen.
    @inline(__always)
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{200B}" || scalar == "\u{2060}" || scalar == "\u{FEFF}" || scalar == "\u{00AD}"
    }

    /// Whether `line` folds to nothing: only white space and invisible characters.
    static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        line.unicodeScalars.allSatisfy { TextBytes.isWhitespace($0) || isInvisible($0) }
    }

    /// Unicode white space, with ASCII answered without a property lookup (most text is ASCII).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        TextBytes.isWhitespace(scalar)
    }

    /// Words in `folded`: white-space-separated tokens, except that Chinese and Japanese, which
    /// put no spaces between words, count about one word per two ideographs or kana.
    static func wordCount(_ folded: String) -> Int {
        guard !folded.isEmpty else { return 0 }
        // On the UTF-8 buffer: this runs for every line several times, and the view's iterator
        // was a fiftieth of the whole pipeline.
        var text = folded
        let (spaces, ascii) = text.withUTF8 { bytes in
            var spaces = 0
            var high: UInt8 = 0
            for byte in bytes {
                spaces &+= byte == 0x20 ? 1 : 0
                high |= byte
            }
            return (spaces, high < 0x80)
        }
        if ascii { return spaces + 1 }
        var words = 0
        var ideographs = 0
        // A token counts as a word unless it is written in ideographs or kana only.
        var tokenHasCJK = false
        var tokenHasOther = false
        func endToken() {
            if tokenHasOther || !tokenHasCJK { words += 1 }
            tokenHasCJK = false
            tokenHasOther = false
        }
        for scalar in folded.unicodeScalars {
            if scalar == " " {
                endToken()
            } else if isCJK(scalar) {
                ideographs += 1
                tokenHasCJK = true
            } else if scalar.value < 0x80 ? isASCIILetterOrDigit(scalar) : scalar.properties.isAlphabetic {
                tokenHasOther = true
            }
        }
        endToken()
        return max(1, words + (ideographs + 1) / 2)
    }

    /// How many columns the text takes in a terminal or a text dump: two for East Asian wide
    /// characters (Hangul, ideographs, kana, full-width forms), one for the others. Converters
    /// that hard-wrap text wrap it at a width in columns.
    static func displayWidth(_ folded: String) -> Int {
        var width = 0
        for scalar in folded.unicodeScalars {
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3040...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width += 2
            default:
                width += 1
            }
        }
        return width
    }

    /// Han ideographs and kana, the scripts written without spaces between words.
    @inline(__always)
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// Whether the line is a list item: a bullet (`*`, `+`, `•`, `-`, `–`, `·`, `»`, `›`, `▪`,
    /// `◦`, or an indented `o` as text converters draw nested bullets) or a number (`1.`, `2)`)
    /// followed by a space. `raw` is the line before folding, whose indentation tells an `o`
    /// bullet from the Portuguese or Spanish article.
    static func isListItem(folded: String, raw: String) -> Bool {
        var scalars = folded.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        switch first {
        case "*", "+", "\u{2022}", "-", "\u{2013}", "\u{00B7}", "\u{00BB}", "\u{203A}", "\u{25AA}", "\u{25E6}", "\u{25A0}", "\u{25BA}":
            return scalars.next() == " "
        case "o":
            return scalars.next() == " " && raw.unicodeScalars.first.map(TextBytes.isWhitespace) == true
        default:
            guard first.value >= 0x30 && first.value <= 0x39 else { return false }
            var digits = 1
            while let scalar = scalars.next() {
                if scalar.value >= 0x30 && scalar.value <= 0x39 && digits < 3 { digits += 1; continue }
                return (scalar == "." || scalar == ")") && scalars.next() == " "
            }
            return false
        }
    }

    /// Whether the text ends as a sentence does: `.`, `!`, `?`, `…` or the full-width `。！？`,
    /// possibly followed by closing quotes or brackets.
    static func endsSentence(_ folded: String) -> Bool {
        for scalar in folded.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "'", "\u{2019}", "\u{201D}", ")", "]", "\u{00BB}", "\u{300D}", "\u{300F}", "\u{FF09}", "\u{3011}": continue
            case ".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF0E}": return true
            default: return false
            }
        }
        return false
    }

    /// Whether the text has a letter or a digit at all.
    static func hasText(_ folded: String) -> Bool {
        folded.unicodeScalars.contains { scalar in
            if scalar.value < 0x80 { return isASCIILetterOrDigit(scalar) }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Whether the first letter-like character is lowercase, as in a hard-wrapped continuation.
    static func startsLowercase(_ folded: String) -> Bool {
        guard let first = folded.unicodeScalars.first(where: { $0.value < 0x80 ? isASCIILetter($0) : $0.properties.isAlphabetic }) else { return false }
        return first.value < 0x80 ? first.value >= 0x61 : first.properties.isLowercase
    }

    @inline(__always)
    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
    }

    @inline(__always)
    static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39)
    }
}
