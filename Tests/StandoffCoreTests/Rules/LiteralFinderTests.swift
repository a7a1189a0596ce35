import Testing
@testable import StandoffCore

@Suite("Literal finder")
struct LiteralFinderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let literals: [String]
        let text: String
        /// Every occurrence as (literal, end offset in bytes), in order of ends, then literal.
        let occurrences: [[Int]]
        var testDescription: String { "\(literals) in \(text)" }
    }

    static let cases: [Case] = [
        Case(literals: ["talks", "summit"], text: "summit talks", occurrences: [[1, 6], [0, 12]]),
        Case(literals: ["talks", "summit"], text: "a meeting", occurrences: []),
        Case(literals: ["talks"], text: "", occurrences: []),
        Case(literals: ["talks"], text: "talk", occurrences: []),
        // Overlapping literals, and one inside another.
        Case(literals: ["she", "he", "hers", "his"], text: "ushers", occurrences: [[0, 4], [1, 4], [2, 6]]),
        Case(literals: ["aa"], text: "aaaa", occurrences: [[0, 2], [0, 3], [0, 4]]),
        Case(literals: ["may", "mayor"], text: "the mayor", occurrences: [[0, 7], [1, 9]]),
        // At the very start and the very end.
        Case(literals: ["end", "the"], text: "the end", occurrences: [[1, 3], [0, 7]]),
        Case(literals: ["d"], text: "the end", occurrences: [[0, 7]]),
        // The same literal twice is reported under both indices.
        Case(literals: ["kim", "kim"], text: "kim", occurrences: [[0, 3], [1, 3]]),
        // Non-ASCII text: offsets are bytes; literals may be non-ASCII too.
        Case(literals: ["summit"], text: "👍🏽 summit", occurrences: [[0, 15]]),
        Case(literals: ["’s", "s"], text: "👍 kim’s", occurrences: [[0, 12], [1, 12]]),
        Case(literals: ["é"], text: "e\u{301} é", occurrences: [[0, 6]]),
    ]

    @Test(arguments: cases)
    func findsEveryOccurrence(_ testCase: Case) {
        let finder = LiteralFinder(testCase.literals.map { Array($0.utf8) })
        var found: [[Int]] = []
        Array(testCase.text.utf8).withUnsafeBufferPointer { text in
            finder.forEachOccurrence(in: text) { literal, end in found.append([literal, end]) }
        }
        #expect(found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) } == testCase.occurrences)
    }

    /// Against a plain search, on text built from the literals' own pieces.
    @Test func agreesWithAPlainSearch() {
        let literals = ["ab", "abc", "bca", "c", "cab", "ba", "aaa"].map { Array($0.utf8) }
        let finder = LiteralFinder(literals)
        var generator = SplitMix(seed: 7)
        for _ in 0..<500 {
            let text = (0..<generator.next(below: 20)).map { _ in [UInt8]("abcx".utf8)[generator.next(below: 4)] }
            var found: [[Int]] = []
            text.withUnsafeBufferPointer { bytes in finder.forEachOccurrence(in: bytes) { found.append([$0, $1]) } }
            var expected: [[Int]] = []
            for end in 0...text.count {
                for (index, literal) in literals.enumerated() where literal.count <= end && Array(text[(end - literal.count)..<end]) == literal {
                    expected.append([index, end])
                }
            }
            #expect(found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) } == expected, "\(String(decoding: text, as: UTF8.self))")
        }
    }

    /// Literals needing more states than one table can number are split over several.
    @Test func manyLongLiteralsAreSplit() {
        var generator = SplitMix(seed: 3)
        let literals = (0..<40).map { index in [UInt8(index)] + (0..<999).map { _ in UInt8(generator.next(below: 200)) } }
        let finder = LiteralFinder(literals)
        let text = Array("x".utf8) + literals[3] + literals[39] + literals[3].prefix(500)
        var found: [[Int]] = []
        text.withUnsafeBufferPointer { bytes in finder.forEachOccurrence(in: bytes) { found.append([$0, $1]) } }
        #expect(found.sorted { $0[1] < $1[1] } == [[3, 1001], [39, 2001]])
    }

    /// A small deterministic generator, so failures repeat.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((value ^ (value >> 31)) % UInt64(bound))
        }
    }
}

@Suite("Literal filter")
struct LiteralFilterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let line: String
        /// Indices of the patterns that may match it.
        let candidates: [Int]
        var testDescription: String { line }
    }

    static let patterns = ["should (?:\\w+ )?welcome", "talks?", "\\w+", "(?:is|are)\\s+preferable", "summit|meeting", "(?:a|b)\\s+trap"]

    static let cases: [Case] = [
        Case(line: "we should warmly welcome talks", candidates: [0, 1, 2]),
        Case(line: "welcome, should you?", candidates: [0, 2]),
        Case(line: "a summit is preferable", candidates: [2, 3, 4]),
        Case(line: "preferable", candidates: [2]),
        // Clauses with a one-byte literal (`a`) are not looked for, and literals only by their
        // first six bytes: the filter may let a pattern through that its own check would rule
        // out, never the other way.
        Case(line: "talk is prefer", candidates: [1, 2, 3]),
        Case(line: "trap", candidates: [2, 5]),
        Case(line: "", candidates: [2]),
        Case(line: "👍🏽 meeting", candidates: [2, 4]),
    ]

    @Test(arguments: cases)
    func patternsWhoseLiteralsTheLineHolds(_ testCase: Case) {
        let filter = LiteralFilter(Self.patterns.map { RequiredLiterals(pattern: $0) })
        let candidates = filter.candidates(in: BoilerplateLexicon.filterBytes(testCase.line))
        #expect(Self.patterns.indices.filter(candidates.contains) == testCase.candidates)
        // No pattern its own check lets through is ruled out.
        for (index, pattern) in Self.patterns.enumerated() {
            let own = RequiredLiterals(pattern: pattern).map { literals in Array(testCase.line.utf8).withUnsafeBufferPointer(literals.occurs) } ?? true
            if own { #expect(candidates.contains(index), "\(pattern)") }
        }
    }

    @Test func linesThatFoldToASCIIRuleNothingOut() {
        let filter = LiteralFilter(Self.patterns.map { RequiredLiterals(pattern: $0) })
        let candidates = filter.candidates(in: BoilerplateLexicon.filterBytes("Straße"))
        #expect(Self.patterns.indices.allSatisfy(candidates.contains))
    }

    @Test func manyClausesSpanSeveralWords() {
        // 70 patterns of two clauses each: 140 clause bits, three words.
        let patterns = (0..<70).map { "w\($0)x\\s+y\($0)z" }
        let filter = LiteralFilter(patterns.map { RequiredLiterals(pattern: $0) })
        let candidates = filter.candidates(in: Array("w69x y69z w3x y4z".utf8))
        #expect(patterns.indices.filter(candidates.contains) == [69])
    }
}
