import Testing
@testable import StandoffCore

/// Whether words are spelt wholly in a small romanisation, with written cases of our own.
@Suite("Syllable set")
struct SyllableSetTests {
    static let hepburn = SyllableSet(["a", "i", "u", "e", "o", "n", "ka", "ki", "ta", "to", "shi", "da", "ra", "ri", "ko", "mo", "gu", "chi", "kyo", "ha", "ru"])!

    @Test(arguments: [
        ("Ashida", true), ("ASHIDA", true), ("Kyōto", true), ("Haruka", true), ("Moriguchi", true),
        ("Whitfield", false), ("Kim", false), ("Tokyo-to", false), ("", false), ("Anna", true),
    ])
    func spells(_ word: String, _ expected: Bool) {
        #expect(Self.hepburn.spells(word.unicodeScalars) == expected, "\(word)")
    }

    @Test func badSyllablesAreRefused() {
        #expect(SyllableSet([]) == nil)
        #expect(SyllableSet(["Ka"]) == nil)
        #expect(SyllableSet(["abcdefghi"]) == nil)
        #expect(SyllableSet(["kā"]) == nil)
    }
}
