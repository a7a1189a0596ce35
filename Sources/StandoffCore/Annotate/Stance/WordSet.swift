/// A set of token keys (see ``StanceText/Token/key``) that rules most other keys out before
/// hashing them.
///
/// The stance rules ask of nearly every token whether it is a negator, a contrast marker, the
/// start of a holder phrase, and so on, and hashing each key for each question was a visible
/// part of `annotate`. A key's first byte and length are checked against ``WordShapes`` first;
/// only keys of a shape some word has are looked up.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let words: Set<String>
    private let shapes: WordShapes

    init(_ words: some Sequence<String>) {
        self.words = Set(words)
        shapes = WordShapes(self.words)
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    func contains(_ key: String) -> Bool {
        shapes.mayContain(key) && words.contains(key)
    }
}

/// The shapes of a set of words, first byte and length: a key of another shape is in no set
/// these words make, and telling costs no hashing.
struct WordShapes: Sendable {
    /// Bit `min(length, 63)` of `lengths[b]` is set when some word starts with byte `b` and has
    /// that many bytes; the empty word sets bit 0 of every entry.
    private let lengths: [UInt64]

    init(_ words: some Sequence<String>) {
        var lengths = [UInt64](repeating: 0, count: 256)
        for word in words {
            if let first = word.utf8.first {
                lengths[Int(first)] |= Self.bit(word)
            } else {
                for index in lengths.indices { lengths[index] |= 1 }
            }
        }
        self.lengths = lengths
    }

    /// Whether `key` has the shape of one of the words.
    func mayContain(_ key: String) -> Bool {
        guard let first = key.utf8.first else { return lengths[0] & 1 != 0 }
        return lengths[Int(first)] & Self.bit(key) != 0
    }

    private static func bit(_ word: String) -> UInt64 { 1 << UInt64(min(word.utf8.count, 63)) }
}
