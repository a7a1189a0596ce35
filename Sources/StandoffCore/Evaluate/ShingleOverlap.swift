/// The article-extraction benchmark's body metric: both texts split into `\w+` tokens, the
/// multisets of 4-token shingles compared, and true positives, false positives and false
/// negatives normalised to sum to 1 per page so long pages weigh no more than short ones.
///
/// `\w` is Python's: letters (categories L*), numbers (any numeric type) and `_`. Combining
/// marks are not word characters, as in Python, so figures equal the benchmark's own script.
///
/// Example: truth "a b c d e", output "a b c d" → shingles {abcd, bcde} against {abcd}:
/// tp 1/2, fp 0, fn 1/2 → precision 1, recall 0.5.
public struct ShingleOverlap: Sendable, Equatable, Codable {
    /// Shared shingles, as a fraction of all shingles counted.
    public var tp: Double
    /// Shingles only in the output.
    public var fp: Double
    /// Shingles only in the truth.
    public var fn: Double

    /// Compares `output` with `truth`.
    public init(truth: String, output: String, n: Int = 4) {
        let expected = ShingleOverlap.shingles(truth, n: n)
        let extracted = ShingleOverlap.shingles(output, n: n)
        var tp = 0, fp = 0, fn = 0
        for (shingle, count) in expected {
            let other = extracted[shingle, default: 0]
            tp += min(count, other)
            fn += max(0, count - other)
        }
        for (shingle, count) in extracted {
            fp += max(0, count - expected[shingle, default: 0])
        }
        let sum = Double(tp + fp + fn)
        self.tp = sum > 0 ? Double(tp) / sum : 0
        self.fp = sum > 0 ? Double(fp) / sum : 0
        self.fn = sum > 0 ? Double(fn) / sum : 0
    }

    /// Whether the output had any text at all.
    public var hasOutput: Bool { tp + fp > 0 }
    /// Whether the truth had any text at all.
    public var hasTruth: Bool { tp + fn > 0 }

    /// The benchmark's precision: 1 when output and truth agree entirely (both empty included).
    public var precision: Double {
        if fp == 0 && fn == 0 { return 1 }
        if tp == 0 && fp == 0 { return 0 }
        return tp / (tp + fp)
    }

    /// The benchmark's recall.
    public var recall: Double {
        if fp == 0 && fn == 0 { return 1 }
        if tp == 0 && fn == 0 { return 0 }
        return tp / (tp + fn)
    }

    /// The page's own F1.
    public var f1: Double { Score.harmonic(precision, recall) }

    /// `\w+` tokens of `text`.
    public static func tokens(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        for scalar in text.unicodeScalars {
            let next = text.unicodeScalars.index(after: index)
            if isWordCharacter(scalar) {
                if start == nil { start = index }
            } else if let begun = start {
                tokens.append(text[begun..<index])
                start = nil
            }
            index = next
        }
        if let begun = start { tokens.append(text[begun...]) }
        return tokens
    }

    /// Python's `\w` for one code point.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }

    /// The multiset of `n`-token shingles; a text of fewer tokens is one shorter shingle (none when empty).
    static func shingles(_ text: String, n: Int) -> [[Substring]: Int] {
        let tokens = tokens(text)
        var counts: [[Substring]: Int] = [:]
        guard !tokens.isEmpty else { return counts }
        for start in 0..<max(1, tokens.count - n + 1) {
            counts[Array(tokens[start..<min(tokens.count, start + n)]), default: 0] += 1
        }
        return counts
    }
}
