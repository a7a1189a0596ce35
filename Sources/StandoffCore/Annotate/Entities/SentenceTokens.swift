/// A sentence's scalars cut into words, for the patterns that read names word by word.
///
/// A word is a run of letters, digits and marks. An apostrophe joins two parts only before a
/// capital (`O’Brien`), so a possessive `’s` is never part of a name; hyphens always split, and
/// the patterns decide when to join hyphenated parts (`Seong-chang`). A single capital followed
/// by a period is an initial (`J.`) and includes the period.
struct SentenceTokens: Sendable {
    /// A word: scalar offsets into the sentence, end-exclusive.
    struct Word: Sendable, Equatable {
        var start: Int
        var end: Int
        /// Whether the first scalar is an upper-case letter.
        var capitalised: Bool
        /// Whether the word is a single capital and a period.
        var initial: Bool
    }

    /// The sentence's scalars.
    let scalars: [Unicode.Scalar]
    /// The words in order.
    let words: [Word]
    /// `wordStartingAt[offset]` is the index of the word starting at `offset`, or -1; one longer
    /// than the text so a look-up just past the end needs no check.
    private let wordStartingAt: [Int32]

    /// The sentence's UTF-8 bytes by code point, for cutting out texts; `nil` when made from scalars alone.
    private let offsets: ScalarOffsets?

    /// Cuts `text` into words.
    init(text: String) {
        self.init(scalars: Array(text.unicodeScalars), offsets: ScalarOffsets(text))
    }

    /// Cuts `scalars` into words.
    init(scalars: [Unicode.Scalar], offsets: ScalarOffsets? = nil) {
        self.offsets = offsets
        let count = scalars.count
        var words: [Word] = []
        var wordStartingAt = [Int32](repeating: -1, count: count + 2)
        var position = 0
        while position < count {
            guard EntityText.isWord(scalars[position]) else {
                position += 1
                continue
            }
            let start = position
            while position < count {
                while position < count && EntityText.isWord(scalars[position]) { position += 1 }
                if position + 1 < count, EntityText.isApostrophe(scalars[position]), EntityText.isUppercase(scalars[position + 1]) {
                    position += 1
                    continue
                }
                break
            }
            var end = position
            let capitalised = EntityText.isUppercase(scalars[start])
            let initial = capitalised && end - start == 1 && end < count && scalars[end] == "."
            if initial {
                end += 1
                position = end
            }
            wordStartingAt[start] = Int32(words.count)
            words.append(Word(start: start, end: end, capitalised: capitalised, initial: initial))
        }
        self.scalars = scalars
        self.words = words
        self.wordStartingAt = wordStartingAt
    }

    /// The index of the word that starts at `offset`, if one does.
    func word(startingAt offset: Int) -> Int? {
        guard offset >= 0, offset < wordStartingAt.count else { return nil }
        let index = wordStartingAt[offset]
        return index < 0 ? nil : Int(index)
    }

    /// The text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        // A copy of bytes when the sentence's text is known; building from scalars is slower.
        offsets?.string(start..<end) ?? EntityText.string(scalars[start..<end])
    }

    /// The text of a word.
    func text(_ word: Word) -> String {
        text(word.start, word.end)
    }

    /// Whether the scalar at `offset` exists and is `scalar`.
    func scalar(at offset: Int, is scalar: Unicode.Scalar) -> Bool {
        offset >= 0 && offset < scalars.count && scalars[offset] == scalar
    }
}
