/// Counts of agreement between a system and a person's labels, with precision, recall and F1.
///
/// Example: 8 found and right, 2 found and wrong, 4 missed → precision 0.8, recall 0.667, F1 0.727.
public struct Score: Sendable, Equatable, Codable {
    /// Found and right.
    public var tp = 0
    /// Found, but not in the labels.
    public var fp = 0
    /// In the labels, but not found.
    public var fn = 0

    /// Creates counts.
    public init(tp: Int = 0, fp: Int = 0, fn: Int = 0) {
        self.tp = tp
        self.fp = fp
        self.fn = fn
    }

    /// tp / (tp + fp); 0 when nothing was found.
    public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    /// tp / (tp + fn); 0 when nothing was labelled.
    public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    /// The harmonic mean of precision and recall.
    public var f1: Double { Score.harmonic(precision, recall) }

    /// Adds another score's counts.
    public static func + (lhs: Score, rhs: Score) -> Score {
        Score(tp: lhs.tp + rhs.tp, fp: lhs.fp + rhs.fp, fn: lhs.fn + rhs.fn)
    }

    /// The harmonic mean of two rates; 0 when both are 0.
    public static func harmonic(_ a: Double, _ b: Double) -> Double {
        a + b == 0 ? 0 : 2 * a * b / (a + b)
    }

    /// Counts from comparing two multisets of keys: shared, only found, only labelled.
    public init<Key: Hashable>(found: [Key: Int], labelled: [Key: Int]) {
        for (key, count) in found {
            let other = labelled[key, default: 0]
            tp += min(count, other)
            fp += max(0, count - other)
        }
        for (key, count) in labelled { fn += max(0, count - found[key, default: 0]) }
    }

    enum CodingKeys: String, CodingKey {
        case tp, fp, fn, precision, recall, f1
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tp = try container.decode(Int.self, forKey: .tp)
        fp = try container.decode(Int.self, forKey: .fp)
        fn = try container.decode(Int.self, forKey: .fn)
    }

    /// The counts and the three rates, rounded to four places so reports compare byte for byte.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tp, forKey: .tp)
        try container.encode(fp, forKey: .fp)
        try container.encode(fn, forKey: .fn)
        try container.encode(Score.rounded(precision), forKey: .precision)
        try container.encode(Score.rounded(recall), forKey: .recall)
        try container.encode(Score.rounded(f1), forKey: .f1)
    }

    /// `value` to four decimal places.
    public static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}

/// A count of items right out of those that could be checked, such as titles read correctly.
public struct Tally: Sendable, Equatable, Codable {
    /// Items right.
    public var right = 0
    /// Items checked.
    public var total = 0

    /// Creates a tally.
    public init(right: Int = 0, total: Int = 0) {
        self.right = right
        self.total = total
    }

    /// right / total; 0 when nothing was checked.
    public var rate: Double { total == 0 ? 0 : Double(right) / Double(total) }

    /// Counts one item.
    public mutating func count(_ isRight: Bool) {
        total += 1
        if isRight { right += 1 }
    }

    enum CodingKeys: String, CodingKey {
        case right, total, rate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        right = try container.decode(Int.self, forKey: .right)
        total = try container.decode(Int.self, forKey: .total)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(right, forKey: .right)
        try container.encode(total, forKey: .total)
        try container.encode(Score.rounded(rate), forKey: .rate)
    }
}

/// A rate stored in full and written to JSON at four decimal places, so reports compare byte
/// for byte while computations keep every digit.
@propertyWrapper
public struct FourPlaces: Sendable, Equatable, Encodable {
    public var wrappedValue: Double

    public init(wrappedValue: Double) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Score.rounded(wrappedValue))
    }
}
