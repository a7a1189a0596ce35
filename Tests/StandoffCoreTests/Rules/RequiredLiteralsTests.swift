import Testing
@testable import StandoffCore

@Suite("Required literals")
struct RequiredLiteralsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        /// The literals, or nil when the pattern must always be run.
        let literals: [String]?
        var testDescription: String { pattern }
    }

    static let cases: [Case] = [
        Case(pattern: "^subscribe\\b", literals: ["subscribe"]),
        Case(pattern: "^(?:Log ?in|sign in)$", literals: ["log in", "login", "sign in"]),
        Case(pattern: "^(?:share|tweet)(?: (?:this|the))?[.!:]?$", literals: ["share", "tweet"]),
        Case(pattern: "\\bcookies?\\b.*\\b(?:use|accept)\\b", literals: ["cookie"]),
        Case(pattern: "^(?:By|BY|by)\\s+(?<value>\\p{Lu}[\\p{L}.’'-]+)$", literals: ["by"]),
        // A caseless symbol is a literal; a non-ASCII letter, which case folding could match to
        // other letters, is not.
        Case(pattern: "^(?:©|\\(c\\)|copyright\\b)|\\ball rights reserved\\b", literals: ["(c)", "all rights reserved", "copyright", "©"]),
        Case(pattern: "Japan[’']s", literals: ["japan's", "japan’s"]),
        Case(pattern: "^(?:ß|copyright)", literals: nil),
        Case(pattern: "^(?:é|copyright)", literals: nil),
        Case(pattern: "^(?:\\(c\\)|copyright\\b)|\\ball rights reserved\\b", literals: ["(c)", "all rights reserved", "copyright"]),
        Case(pattern: "x{2,3}y", literals: ["xy"]),
        Case(pattern: "(?i:fellow|director)\\b", literals: ["director", "fellow"]),
        Case(pattern: "\\d{4}-\\d{2}", literals: ["-"]),
        Case(pattern: "^(?:a|b)*$", literals: nil),
        Case(pattern: "^[a-z]+$", literals: nil),
        Case(pattern: "^(?=news)news$", literals: ["news"]),
        Case(pattern: "(?<![\\p{L}])(?:should|must)\\s+(?!not\\b)\\w+", literals: ["must", "should"]),
        Case(pattern: "(?<=café )(?:talks)", literals: ["talks"]),
        Case(pattern: "(?!x)", literals: nil),
        Case(pattern: "^(a)\\1$", literals: nil),
        Case(pattern: "^\\Qa.b\\E$", literals: nil),
        Case(pattern: "[[a-z]&&[^x]]", literals: nil),
    ]

    @Test(arguments: cases)
    func literalsOfPattern(_ testCase: Case) {
        #expect(RequiredLiterals(pattern: testCase.pattern)?.literals.map { String(decoding: $0, as: UTF8.self) } == testCase.literals)
    }

    struct ClauseCase: CustomTestStringConvertible, Sendable {
        let pattern: String
        /// Every clause, most selective first.
        let clauses: [[String]]
        var testDescription: String { pattern }
    }

    /// Literal runs join across the pieces around them, several requirements are kept, and
    /// small brackets are listed.
    static let clauseCases: [ClauseCase] = [
        ClauseCase(pattern: "(?:is|are)\\s+preferable", clauses: [["preferable"], ["are", "is"]]),
        ClauseCase(pattern: "should (?:\\w+ )?welcome", clauses: [["should "], ["welcome"]]),
        ClauseCase(pattern: "low[- ]cost", clauses: [["low cost", "low-cost"]]),
        ClauseCase(pattern: "normali[sz](?:e|ation)", clauses: [["normalisation", "normalise", "normalization", "normalize"]]),
        ClauseCase(pattern: "[^a]b", clauses: [["b"]]),
        ClauseCase(pattern: "a[\\p{L}-]c", clauses: [["a"], ["c"]]),
        ClauseCase(pattern: "x[a-c]y", clauses: [["xay", "xby", "xcy"]]),
        ClauseCase(pattern: "(?:keep|step) up\\s+\\w*pressure|pressure\\s+instead", clauses: [["pressure"], ["instead", "keep up", "step up"]]),
        ClauseCase(pattern: "benefits?[^.;]{0,60}?\\boutweighs?", clauses: [["outweigh"], ["benefit"]]),
    ]

    @Test(arguments: clauseCases)
    func clausesOfPattern(_ testCase: ClauseCase) {
        #expect(RequiredLiterals(pattern: testCase.pattern)?.clauses.map { $0.map { String(decoding: $0, as: UTF8.self) } } == testCase.clauses)
    }

    struct WholeCase: CustomTestStringConvertible, Sendable {
        let pattern: String
        /// Every string the pattern matches, or nil when it is no plain list.
        let wholeMatches: [String]?
        var testDescription: String { pattern }
    }

    static let wholeCases: [WholeCase] = [
        WholeCase(pattern: "summits?", wholeMatches: ["summit", "summits"]),
        WholeCase(pattern: "Sit(?:s|ting)? down", wholeMatches: ["sit down", "sits down", "sitting down"]),
        WholeCase(pattern: "normali[sz]e", wholeMatches: ["normalise", "normalize"]),
        WholeCase(pattern: "(?i:talks)|(?<value>meet)", wholeMatches: ["meet", "talks"]),
        // Anchors, look-arounds and case-sensitive pieces match less than the list says.
        WholeCase(pattern: "^talks", wholeMatches: nil),
        WholeCase(pattern: "talks\\b", wholeMatches: nil),
        WholeCase(pattern: "talks(?!hip)", wholeMatches: nil),
        WholeCase(pattern: "(?-i:talks)", wholeMatches: nil),
        WholeCase(pattern: "(?-i)talks", wholeMatches: nil),
        // Not a short list.
        WholeCase(pattern: "talks?\\s+now", wholeMatches: nil),
        WholeCase(pattern: "[a-z]alks", wholeMatches: nil),
        WholeCase(pattern: "summit|café", wholeMatches: nil),
    ]

    @Test(arguments: wholeCases)
    func wholeMatchesOfPattern(_ testCase: WholeCase) {
        #expect(RequiredLiterals(pattern: testCase.pattern)?.wholeMatches?.map { String(decoding: $0, as: UTF8.self) } == testCase.wholeMatches)
    }

    @Test func everyClauseMustOccur() {
        let literals = RequiredLiterals(pattern: "should (?:\\w+ )?welcome")!
        for (line, expected) in [("we should warmly welcome it", true), ("should we?", false), ("welcome", false), ("welcome, should you come", true)] {
            #expect(Array(line.utf8).withUnsafeBufferPointer(literals.occurs) == expected, "\(line)")
        }
    }

    @Test func findsLiteralsAnywhereInTheLine() {
        let literals = RequiredLiterals(pattern: "(?:news|cookie)")!
        for (line, expected) in [("our newsletter", true), ("cookie", true), ("a cooki", false), ("", false), ("n", false), ("👍🏽 cookie", true)] {
            #expect(Array(line.utf8).withUnsafeBufferPointer(literals.occurs) == expected, "\(line)")
        }
    }

    /// The filter may only skip lines the pattern cannot match: every `match` example of every
    /// rule, with case changed and an emoji before it, gets past its rule's filter.
    @Test func everyRuleExampleGetsPastItsFilter() throws {
        for rule in TestRules.boilerplate.rules {
            guard let literals = rule.literals else { continue }
            for example in rule.rule.match {
                for line in [example, example.uppercased(), "👍🏽 " + example] {
                    let bytes = try #require(BoilerplateLexicon.filterBytes(PageLine.fold(line)))
                    #expect(bytes.withUnsafeBufferPointer(literals.occurs), "\(rule.location) \(rule.rule.id): \(line)")
                }
            }
        }
    }

    @Test func mostRulesHaveAFilter() {
        #expect(TestRules.boilerplate.rules.filter { $0.literals != nil }.count >= TestRules.boilerplate.rules.count - 2)
    }

    /// Characters that case-insensitive matching may read as ASCII letters turn the filter off.
    @Test(arguments: ["Straße", "\u{212A}ey", "ſubscribe", "ﬁle"])
    func linesThatFoldToASCIIAreNotFiltered(_ line: String) {
        #expect(BoilerplateLexicon.filterBytes(line) == nil)
    }

    @Test func filterBytesLowerASCIIAndKeepOtherText() {
        #expect(BoilerplateLexicon.filterBytes("Kim’s PLAN 👍🏽") == Array("kim’s plan 👍🏽".utf8))
    }
}
