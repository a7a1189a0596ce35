import Testing
@testable import StandoffCore

@Suite("Stance word patterns")
struct WordRegexTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let sentence: String
        /// Code-point ranges of the matches.
        let matches: [Range<Int>]
        var testDescription: String { "\(pattern) in \(sentence)" }
    }

    /// The literal filter must never hide a match the regular expression finds: letter case,
    /// non-ASCII text around the match, and characters that fold to ASCII letters.
    static let cases: [Case] = [
        Case(pattern: "should (?:\\w+ )?welcome", sentence: "Tokyo SHOULD warmly Welcome it.", matches: [6..<27]),
        Case(pattern: "should (?:\\w+ )?welcome", sentence: "Tokyo welcomed it.", matches: []),
        Case(pattern: "should (?:\\w+ )?welcome", sentence: "👍🏽 “Seoul should welcome talks,” Ōno said.", matches: [10..<24]),
        Case(pattern: "summit", sentence: "Kim’s summit — 🇯🇵 and 🇰🇵.", matches: [6..<12]),
        Case(pattern: "talks", sentence: "Bad talk\u{17F}", matches: [4..<9]),
        Case(pattern: "kim", sentence: "\u{212A}im arrived", matches: [0..<3]),
        Case(pattern: "talks?", sentence: "Talk", matches: [0..<4]),
        Case(pattern: "talks?", sentence: "Stalk", matches: []),
    ]

    @Test(arguments: cases)
    func findsWhatTheRegularExpressionFinds(_ testCase: Case) throws {
        let pattern = try WordRegex(testCase.pattern)
        let text = StanceText(testCase.sentence)
        #expect(text.matches(of: pattern) == testCase.matches)
        #expect(text.matches(of: pattern.whole.regex) == testCase.matches)
    }

    /// The rules' shared filter may only skip patterns the regular expression cannot match: on
    /// every example sentence of the stance rule files, with case changed and an emoji before it,
    /// every pattern finds what its regular expression finds.
    @Test func sharedFilterFindsWhatTheRegularExpressionsFind() {
        let rules = StanceFixture.rules
        let patterns = rules.compiledCues.flatMap(\.patterns) + rules.compiledTargets.flatMap(\.topics)
        let indices = patterns.flatMap { [$0.whole] + $0.alternatives }.compactMap(\.filterIndex)
        #expect(indices.sorted() == Array(0..<rules.filter.count))
        #expect(patterns.contains { !$0.alternatives.isEmpty }, "long cue lists are kept as alternatives")
        let cueExamples: [String] = rules.cues.flatMap { $0.rule.match + ($0.rule.noMatch ?? []) }
        let targetExamples: [String] = rules.targets.flatMap { $0.rule.match + ($0.rule.noMatch ?? []) }
        let holderExamples: [String] = rules.holders.flatMap { $0.rule.match + ($0.rule.noMatch ?? []) }
        let examples = cueExamples + targetExamples + holderExamples
        var skipped = 0
        for example in examples {
            for sentence in [example, example.uppercased(), "👍🏽 " + example] {
                let text = StanceText(sentence, filter: rules.filter)
                for pattern in patterns {
                    let expected = text.matches(of: pattern.whole.regex)
                    #expect(text.matches(of: pattern) == expected, "\(pattern.whole.regex) in \(sentence)")
                    if expected.isEmpty && !((pattern.alternatives.isEmpty ? [pattern.whole] : pattern.alternatives).contains { $0.literals.map { Array(sentence.lowercased().utf8).withUnsafeBufferPointer($0.occurs) } ?? true }) { skipped += 1 }
                }
            }
        }
        // The filter does skip most runs.
        #expect(skipped > examples.count * patterns.count)
    }

    @Test(arguments: [("summits?", true), ("talk|talks|talking", true), ("sit|sit down", false), ("may|may-be", false),
                      ("worth it|worthwhile", true), ("should (?:\\w+ )?welcome", false), ("^talks", false)])
    func wordLists(_ pattern: String, _ isWordList: Bool) throws {
        #expect(try WordRegex(pattern).whole.isWordList == isWordList)
    }

    /// Word lists are matched from where the filter found their strings, not by the regular
    /// expression; on sentences built from the pieces that matter (letter case, letters, digits,
    /// marks and emoji touching a word, overlapping and adjacent words, characters that fold to
    /// ASCII) the two agree.
    @Test func wordListsFindWhatTheRegularExpressionFinds() throws {
        let sources = ["summits?", "talk|talks|talking", "meet(?:s|ing|ings)?|met", "sit(?:s|ting)? down", "negotiat(?:e|es|ed|ing|ions?|ors?)",
                       "normali[sz](?:e|es|ed|ing|ation)", "may|might|could|perhaps", "worth (?:it|a try)|worthwhile", "a|an"]
        let patterns = try sources.enumerated().map { try WordRegex($0.element, filterIndex: $0.offset) }
        #expect(patterns.allSatisfy { $0.whole.isWordList && $0.alternatives.isEmpty })
        let filter = LiteralFilter(patterns.map(\.whole.literals), locating: patterns.map(\.whole.isWordList))
        let pieces = ["summit", "Summits", "SUMMIT", "talk", "talking", "Talks", "meet", "meetings", "met", "sit", "sits down", "sitting",
                      "down", "negotiators", "Normalization", "normalise", "may", "Might", "could", "perhaps", "worth", "worthwhile", "it",
                      "a", "an", "A", " ", " ", " ", "-", "’", "'", "2", "é", "e\u{301}", "\u{301}", "👍🏽", "ß", "\u{212A}", "Ⅻ", "ǅ", ".", "\n"]
        var generator = LiteralFinderTests.SplitMix(seed: 5)
        var compared = 0
        for _ in 0..<3000 {
            let sentence = (0..<generator.next(below: 12)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            let text = StanceText(sentence, filter: filter)
            for pattern in patterns {
                let expected = text.matches(of: pattern.whole.regex)
                #expect(text.matches(of: pattern) == expected, "\(pattern.whole.regex) in \(sentence.debugDescription)")
                compared += expected.count
            }
        }
        #expect(compared > 1000)
    }

    @Test(arguments: [
        ("nothing but|no more than", ["nothing but", "no more than"]),
        ("(?:a|b) c|d", ["(?:a|b) c", "d"]),
        ("[|] x|y", ["[|] x", "y"]),
        ("[]|] x|y", ["[]|] x", "y"]),
        ("a\\|b|c", ["a\\|b", "c"]),
        ("(?i)a|b", ["(?i)a|b"]),
        ("(a)\\1|b", ["(a)\\1|b"]),
        ("summits?", ["summits?"]),
    ])
    func topLevelAlternatives(_ pattern: String, _ expected: [String]) {
        #expect(WordRegex.topLevelAlternatives(of: pattern) == expected)
    }

    /// A pattern kept as alternatives finds what its whole regular expression finds, where
    /// alternatives overlap, share a start, nest or follow each other: the leftmost match, the
    /// first alternative at the same start, none overlapping.
    @Test func alternativesFindWhatTheWholePatternFinds() throws {
        let sources = ["no (?:\\w+ )?point|point (?:of|in) \\w+|no more|more than \\w+",
                       "talks? with \\w+|with \\w+ talks?|\\w+ talks",
                       "a \\w+|\\w+ b|b a"]
        let patterns = try sources.enumerated().map { try WordRegex($0.element, filterIndex: $0.offset * 10) }
        #expect(patterns.allSatisfy { $0.alternatives.count >= 3 })
        let entries = patterns.map(\.filterEntries)
        var literals: [RequiredLiterals?] = []
        var wordLists: [Bool] = []
        for (offset, pattern) in entries.enumerated() {
            while literals.count < offset * 10 {
                literals.append(nil)
                wordLists.append(false)
            }
            literals += pattern.map(\.literals)
            wordLists += pattern.map(\.isWordList)
        }
        let filter = LiteralFilter(literals, locating: wordLists)
        let pieces = ["no", "point", "of", "in", "more", "than", "talk", "talks", "with", "a", "b", "x", "Ōno", " ", " ", " ", ",", "👍🏽"]
        var generator = LiteralFinderTests.SplitMix(seed: 11)
        var compared = 0
        for _ in 0..<4000 {
            // Mostly words apart, sometimes touching.
            let sentence = (0..<generator.next(below: 14)).map { _ in pieces[generator.next(below: pieces.count)] + (generator.next(below: 4) == 0 ? "" : " ") }.joined()
            let text = StanceText(sentence, filter: filter)
            for pattern in patterns {
                let expected = text.matches(of: pattern.whole.regex)
                #expect(text.matches(of: pattern) == expected, "\(sources) in \(sentence.debugDescription)")
                compared += expected.count
            }
        }
        #expect(compared > 1000)
    }

    @Test func skipsSentencesWithoutTheLiterals() throws {
        let pattern = try WordRegex("should (?:\\w+ )?welcome").whole
        #expect(pattern.literals != nil)
        #expect(!pattern.mayMatch(Array("tokyo welcomed it.".utf8)))
        #expect(pattern.mayMatch(Array("tokyo should welcome it.".utf8)))
        #expect(pattern.mayMatch(nil))
    }
}

@Suite("Stance text")
struct StanceTextTests {
    @Test func whiteSpaceMatchesTheUnicodeProperty() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(StanceText.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func tokenKeysAreFoldedScalarForScalar() {
        let text = StanceText("Japan’s  ÉLAN\u{00A0}talks—👍🏽 Don't İ")
        // `İ` lower-cases to two scalars, so it stays as written.
        #expect(text.tokens.map(\.key) == ["japan's", "élan", "talks", "—", "👍", "🏽", "don't", "İ"])
        #expect(text.tokens.map(\.start) == [0, 9, 14, 19, 20, 21, 23, 29])
    }
}

@Suite("Word sets")
struct WordSetTests {
    @Test(arguments: [("not", true), ("no", true), ("nothing", true), ("note", false), ("", false), ("n", false), ("never", true),
                      ("“", true), ("”", false), ("won't", false), ("NOT", false)])
    func containsExactlyItsWords(_ key: String, _ expected: Bool) {
        let words: WordSet = ["not", "no", "never", "nothing", "“"]
        #expect(words.contains(key) == expected)
    }

    @Test func theEmptyWordHasAShapeToo() {
        let words = WordSet(["", "a"])
        #expect(words.contains(""))
        #expect(words.contains("a"))
        #expect(!words.contains("b"))
    }

    @Test func shapesRuleOutOtherFirstBytesAndLengths() {
        let shapes = WordShapes(["the paper", "he", "said"])
        #expect(shapes.mayContain("he") && shapes.mayContain("hi") && shapes.mayContain("sa1d"))
        #expect(!shapes.mayContain("she") && !shapes.mayContain("h") && !shapes.mayContain(""))
    }
}
