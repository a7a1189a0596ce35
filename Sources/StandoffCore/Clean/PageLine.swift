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

    init(number: Int, raw: Substring) {
        self.number = number
        self.raw = String(raw)
        self.folded = PageLine.fold(self.raw)
        self.words = PageLine.wordCount(folded)
        self.lowered = TextBytes.lowercased(folded)
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
