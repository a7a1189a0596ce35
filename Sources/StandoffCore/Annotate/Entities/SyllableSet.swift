/// The syllables of a romanisation, for telling whether a word could be a name in it: `Ashida`
/// is `a-shi-da` in Hepburn, `Whitfield` is no sequence of Hepburn syllables.
///
/// A syllable is at most eight ASCII letters, packed into one integer, so checking a word is a
/// walk over its letters with a few set look-ups at each, linear in the word's length.
struct SyllableSet: Sendable {
    private let syllables: Set<UInt64>
    private let longest: Int

    /// A set of lower-case ASCII syllables; nil when one is empty, longer than eight letters or not ASCII.
    init?(_ words: [String]) {
        var syllables: Set<UInt64> = []
        var longest = 0
        for word in words {
            let scalars = Array(word.unicodeScalars)
            guard !scalars.isEmpty, scalars.count <= 8, scalars.allSatisfy({ $0.value >= 97 && $0.value <= 122 }) else { return nil }
            syllables.insert(Self.pack(scalars.map { UInt8($0.value) }, 0, scalars.count))
            longest = max(longest, scalars.count)
        }
        guard !syllables.isEmpty else { return nil }
        self.syllables = syllables
        self.longest = longest
    }

    /// Whether `scalars` (a word in any letter case, long vowels marked or not: `Shinzō`) is wholly
    /// a sequence of the syllables.
    func spells<C: Collection>(_ scalars: C) -> Bool where C.Element == Unicode.Scalar {
        var letters: [UInt8] = []
        letters.reserveCapacity(scalars.count)
        for scalar in scalars {
            guard let letter = Self.plainLetter(scalar) else { return false }
            letters.append(letter)
        }
        guard !letters.isEmpty else { return false }
        // reachable[i]: the first i letters are a sequence of syllables.
        var reachable = [Bool](repeating: false, count: letters.count + 1)
        reachable[0] = true
        for start in 0..<letters.count where reachable[start] {
            for length in 1...min(longest, letters.count - start) where syllables.contains(Self.pack(letters, start, length)) {
                reachable[start + length] = true
            }
        }
        return reachable[letters.count]
    }

    /// A letter in lower case without its macron or circumflex, or nil for anything else.
    private static func plainLetter(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value >= 97 && value <= 122 { return UInt8(value) }
        if value >= 65 && value <= 90 { return UInt8(value + 32) }
        switch value {
        case 0x101, 0x100, 0xE2, 0xC2: return 97   // ā â
        case 0x113, 0x112, 0xEA, 0xCA: return 101  // ē ê
        case 0x12B, 0x12A, 0xEE, 0xCE: return 105  // ī î
        case 0x14D, 0x14C, 0xF4, 0xD4: return 111  // ō ô
        case 0x16B, 0x16A, 0xFB, 0xDB: return 117  // ū û
        default: return nil
        }
    }

    private static func pack(_ letters: [UInt8], _ start: Int, _ length: Int) -> UInt64 {
        var packed: UInt64 = 0
        for offset in start..<(start + length) { packed = packed << 8 | UInt64(letters[offset]) }
        return packed
    }
}
