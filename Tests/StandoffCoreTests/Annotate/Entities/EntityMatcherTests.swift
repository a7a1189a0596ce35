import Testing
@testable import StandoffCore

/// The automaton on its own: folding, boundaries, case and the cost of a scan.
@Suite("Entity matcher")
struct EntityMatcherTests {
    static func matcher(_ names: [(String, Bool)]) -> EntityMatcher {
        EntityMatcher(patterns: names.enumerated().map { .init(text: $1.0, key: .alias(entry: $0), ignoreCase: $1.1) })
    }

    /// The matched texts, in order of end then start.
    static func found(_ matcher: EntityMatcher, _ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return matcher.hits(in: scalars).map { EntityText.string(scalars[$0.start..<$0.end]) }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let found: [String]
        var testDescription: String { text }
    }

    static let names: [(String, Bool)] = [("Kim Jong Un", true), ("US", false), ("Abe", false), ("North Korea", false),
                                          ("Korea", false), ("Six-Party Talks", true), ("U.S.", false), ("Workers' Party", false)]
    static let cases: [Case] = [
        Case(text: "Kim Jong-un, KIM JONG UN and Kim Jong Un", found: ["Kim Jong-un", "KIM JONG UN", "Kim Jong Un"]),
        Case(text: "USB us US-Japan", found: ["US"]),
        Case(text: "Abenomics Abe’s Abe's abe", found: ["Abe", "Abe"]),
        Case(text: "Japan-North Korea", found: ["North Korea", "Korea"]),
        Case(text: "the six party talks and six-party talks", found: ["six party talks", "six-party talks"]),
        Case(text: "U.S.-led and U.S.", found: ["U.S.", "U.S."]),
        Case(text: "the Workers’ Party", found: ["Workers’ Party"]),
        // Keys are single-spaced, as cleaned text is: a double space is no match.
        Case(text: "North  Korea", found: ["Korea"]),
    ]

    @Test(arguments: cases)
    func hits(_ example: Case) {
        #expect(Self.found(Self.matcher(Self.names), example.text) == example.found)
    }

    /// Cost is one step per scalar plus one per output examined: growing with the text, not with the gazetteer.
    @Test func aScanCostsTheSameWhateverTheGazetteerSize() throws {
        let text = Array(try EntityCorpus.documents().map(\.text).joined(separator: "\n").unicodeScalars)
        let full = EntityFixture.rules.matcher
        let small = Self.matcher(Self.names)
        var fullWork = 0
        var smallWork = 0
        _ = full.hits(in: text, work: &fullWork)
        _ = small.hits(in: text, work: &smallWork)
        #expect(full.stateCount > 5_000)
        #expect(fullWork < text.count * 2, "\(fullWork) steps for \(text.count) scalars")
        #expect(smallWork >= text.count)

        var fourTimes = 0
        _ = full.hits(in: text + text + text + text, work: &fourTimes)
        #expect(fourTimes <= fullWork * 4 + 8)
    }

    /// A gazetteer with more states than 16 bits number is matched through the wide table, and
    /// finds what the compact one finds for the same names.
    @Test func manyStatesUseTheWideTable() {
        var generator = LiteralFinderTests.SplitMix(seed: 17)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let invented = (0..<5000).map { _ in String((0..<10).map { _ in letters[generator.next(below: letters.count)] }).capitalized }
        let wide = Self.matcher(Self.names + invented.map { ($0, false) })
        #expect(wide.stateCount > Int(Int16.max))
        let text = "\(invented[7]) met \(invented[4999]) and Kim Jong Un in North Korea."
        #expect(Self.found(wide, text) == [invented[7], invented[4999], "Kim Jong Un", "North Korea", "Korea"])
        #expect(Self.found(Self.matcher(Self.names), text) == ["Kim Jong Un", "North Korea", "Korea"])
    }

    @Test func slugsAreStableAndReadable() {
        #expect(EntityText.slug("J. Berkshire Miller") == "j-berkshire-miller")
        #expect(EntityText.slug("Workers’ Party of Korea") == "workers-party-of-korea")
        #expect(EntityText.slug("Shinzō Abe") == "shinzo-abe")
        #expect(EntityText.roleKey("Presidents") == "president")
        #expect(EntityText.roleKey("Secretary-General") == "secretary general")
        #expect(EntityText.roleKey("Ms.") == "ms")
    }
}
