import Foundation
import Testing
import StandoffCore
import StandoffTestSupport

/// The project's abbreviation lexicon, read from the rule file, and helpers to look at split results.
enum SplitterFixture {
    /// The rule file's path relative to the package root, as diagnostics name it.
    static let ruleFile = "annotations/rules/abbreviations.jsonl"
    /// The rule file's absolute location, for reading it and for pointing failures at it.
    static func ruleFileURL() throws -> URL {
        Repository.root.appendingPathComponent(ruleFile)
    }

    /// The lexicon decoded from the project's rule file.
    static func lexicon() throws -> AbbreviationLexicon {
        let contents = try String(contentsOf: ruleFileURL(), encoding: .utf8)
        return try AbbreviationLexicon.decode(file: ruleFile, contents: contents)
    }

    /// The sentences `splitter` finds in `text`, as strings.
    static func sentences(of text: String, with splitter: SentenceSplitter) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return splitter.split(text).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    /// Every way `ranges` breaks the contract of ``SentenceSplitter/split(_:)`` for `text`; empty when none.
    static func contractViolations(of ranges: [Range<Int>], in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var problems: [String] = []
        var covered = [Int](repeating: 0, count: scalars.count)
        var previousEnd = 0
        for range in ranges {
            guard range.lowerBound >= previousEnd, range.upperBound <= scalars.count, !range.isEmpty else {
                problems.append("range \(range) is empty, out of order or out of bounds")
                continue
            }
            previousEnd = range.upperBound
            if scalars[range.lowerBound].properties.isWhitespace || scalars[range.upperBound - 1].properties.isWhitespace {
                problems.append("range \(range) is not trimmed")
            }
            var lastNewline: Int?
            for index in range {
                covered[index] += 1
                if scalars[index] == "\n" {
                    if let last = lastNewline, scalars[(last + 1)..<index].allSatisfy(\.properties.isWhitespace) {
                        problems.append("range \(range) spans a blank line at \(last)")
                    }
                    lastNewline = index
                } else if !scalars[index].properties.isWhitespace {
                    lastNewline = nil
                }
            }
        }
        for (index, scalar) in scalars.enumerated() where !scalar.properties.isWhitespace && covered[index] != 1 {
            problems.append("scalar \(index) is covered \(covered[index]) times")
        }
        return problems
    }
}

/// One behaviour of the splitter: a text and the sentences it must split into.
struct SplitCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var sentences: [String]

    init(_ name: String, _ text: String, _ sentences: [String]) {
        self.name = name
        self.text = text
        self.sentences = sentences
    }

    var testDescription: String { name }

    static let all: [SplitCase] = [
        // Quotes and brackets around the end of a sentence.
        SplitCase("quote closes after a comma, attribution follows",
                  "“It was a gift from a friend,” said Ms. Kim. She smiled.",
                  ["“It was a gift from a friend,” said Ms. Kim.", "She smiled."]),
        SplitCase("closing quote belongs to the sentence it closes",
                  "“We will finish as early as possible.” He left.",
                  ["“We will finish as early as possible.”", "He left."]),
        SplitCase("lower case after a closing quote continues",
                  "“This is great.” she said.",
                  ["“This is great.” she said."]),
        SplitCase("straight quotes work like curly ones",
                  "\"Nobody called.\" The line was dead.",
                  ["\"Nobody called.\"", "The line was dead."]),
        SplitCase("single curly quotes close a sentence",
                  "He wrote ‘enough is enough.’ Then he resigned.",
                  ["He wrote ‘enough is enough.’", "Then he resigned."]),
        SplitCase("a parenthesis followed by lower case continues",
                  "The mayor (She took office last year.) at first declined to comment.",
                  ["The mayor (She took office last year.) at first declined to comment."]),
        SplitCase("an opening quote before a capital starts a sentence",
                  "The vote failed. “We will try again,” she said.",
                  ["The vote failed.", "“We will try again,” she said."]),
        SplitCase("an apostrophe inside a word is not a quote",
                  "Kim’s office said the talks were over. Kim’s sister disagreed.",
                  ["Kim’s office said the talks were over.", "Kim’s sister disagreed."]),
        // Runs of marks.
        SplitCase("a run of exclamation marks ends once", "Wow!! Nobody saw that coming.",
                  ["Wow!!", "Nobody saw that coming."]),
        SplitCase("mixed question and exclamation marks end once", "Really?! Are you sure?",
                  ["Really?!", "Are you sure?"]),
        SplitCase("an exclamation mark inside a name continues", "He joined Yahoo! in 2005 as an intern.",
                  ["He joined Yahoo! in 2005 as an intern."]),
        SplitCase("a bracketed question mark is an editor's mark", "The letter is dated 1884 (?) and unsigned.",
                  ["The letter is dated 1884 (?) and unsigned."]),
        // Numbers.
        SplitCase("decimals and prices do not end sentences", "Prices rose 3.5% in May. Rent went up by $100.00 a month.",
                  ["Prices rose 3.5% in May.", "Rent went up by $100.00 a month."]),
        SplitCase("a number can start a sentence", "The tally was close. 52 members voted yes.",
                  ["The tally was close.", "52 members voted yes."]),
        // Abbreviations and initials.
        SplitCase("initial inside a name", "Analyst J. Berkshire Miller said the summit could help.",
                  ["Analyst J. Berkshire Miller said the summit could help."]),
        SplitCase("titles, places and times in one sentence",
                  "Gen. Park and Sen. Ruiz met Dr. Abe at 9 a.m. Monday in D.C. They spoke for an hour.",
                  ["Gen. Park and Sen. Ruiz met Dr. Abe at 9 a.m. Monday in D.C.", "They spoke for an hour."]),
        SplitCase("a time abbreviation before a sentence starter ends the sentence",
                  "The meeting ended at 4 p.m. It resumed on Friday.",
                  ["The meeting ended at 4 p.m.", "It resumed on Friday."]),
        SplitCase("a title never ends a sentence, whatever follows", "She spoke with Dr. The Hon. Lee Ward.",
                  ["She spoke with Dr. The Hon. Lee Ward."]),
        SplitCase("dotted initials not in the lexicon act as abbreviations",
                  "She earned a Ph.D. in chemistry and then a Ph.D. The second took longer.",
                  ["She earned a Ph.D. in chemistry and then a Ph.D.", "The second took longer."]),
        SplitCase("an abbreviation before an opening quote and a starter ends the sentence",
                  "Talks stalled in the U.S. “We are not done,” an aide said.",
                  ["Talks stalled in the U.S.", "“We are not done,” an aide said."]),
        SplitCase("a web address ends a sentence", "Details are at example.org/news. Registration closes soon.",
                  ["Details are at example.org/news.", "Registration closes soon."]),
        // Times before titles: a measure ends its clause before a name, a short fronted phrase does not.
        SplitCase("a time after a number ends the sentence before a title",
                  "The envoy landed at 9 p.m. Dr. Vance met him. At 7 a.m. Ms. Orr left.",
                  ["The envoy landed at 9 p.m.", "Dr. Vance met him.", "At 7 a.m. Ms. Orr left."]),
        SplitCase("a place abbreviation before a title continues", "She met U.S. Rep. Ortiz on Friday.",
                  ["She met U.S. Rep. Ortiz on Friday."]),
        // Footnote references stay with the sentence they close.
        SplitCase("a footnote reference closes its sentence", "Critics disagree.[12] “Talks help,” one said.",
                  ["Critics disagree.[12]", "“Talks help,” one said."]),
        // CJK full stops end sentences with no space after them.
        SplitCase("CJK full stops, exclamation and question marks end sentences",
                  "会談は終わった。本当か？そうだ！Talks ended. Both left.",
                  ["会談は終わった。", "本当か？", "そうだ！", "Talks ended.", "Both left."]),
        SplitCase("a closing corner bracket continued at once stays in the sentence",
                  "彼は「行く。」と言った。次に進む。",
                  ["彼は「行く。」と言った。", "次に進む。"]),
        // Transcript turns and dashed items on a new line start sentences even without a full stop.
        SplitCase("a speaker label on a new line starts a turn",
                  "Thank you\nQ: Will you go?\nMINISTER ARAI: We are considering it\nMODERATOR: Next question.",
                  ["Thank you", "Q: Will you go?", "MINISTER ARAI: We are considering it", "MODERATOR: Next question."]),
        SplitCase("a dashed item on a new line after a colon starts a sentence",
                  "The plan has two parts:\n- a liaison office\n- food aid",
                  ["The plan has two parts:", "- a liaison office", "- food aid"]),
        SplitCase("a spaced dash that opens a wrapped line continues the sentence",
                  "The talks were\n- as everyone expected - a failure.",
                  ["The talks were\n- as everyone expected - a failure."]),
        SplitCase("a wrapped line that merely starts with a capital continues",
                  "The talks were held in\nGeneva: a neutral city.",
                  ["The talks were held in\nGeneva: a neutral city."]),
        // Ellipses.
        SplitCase("an ellipsis before a sentence starter ends the sentence", "He paused... Then he went on.",
                  ["He paused...", "Then he went on."]),
        SplitCase("an ellipsis before lower case continues", "It was… fine, really.",
                  ["It was… fine, really."]),
        SplitCase("an ellipsis before a name continues", "The letter reads “we regret . . . Harris and his staff.”",
                  ["The letter reads “we regret . . . Harris and his staff.”"]),
        SplitCase("an ellipsis opening a quotation ends nothing", "“… And that was all,” he said.",
                  ["“… And that was all,” he said."]),
        // Lists and bullets.
        SplitCase("bullets start sentences", "• Rates rose • Jobs fell",
                  ["• Rates rose", "• Jobs fell"]),
        SplitCase("a numbered list opening its paragraph", "1. Open the box 2. Read the note 3. Call us",
                  ["1. Open the box", "2. Read the note", "3. Call us"]),
        SplitCase("numbers inside a sentence are no list", "There were three reasons: 1) cost, 2) time and 3) risk.",
                  ["There were three reasons: 1) cost, 2) time and 3) risk."]),
        SplitCase("a list must count up from its first label", "1) Rates rose 3) Jobs fell",
                  ["1) Rates rose 3) Jobs fell"]),
        // Lines and paragraphs.
        SplitCase("a blank line is a hard boundary", "A headline without a period\n\nThe story begins here.",
                  ["A headline without a period", "The story begins here."]),
        SplitCase("a blank line with spaces and tabs is a hard boundary", "First part\n \t \nsecond part",
                  ["First part", "second part"]),
        SplitCase("a single newline is ordinary white space", "The rain stopped\nat noon. Crowds returned.",
                  ["The rain stopped\nat noon.", "Crowds returned."]),
        SplitCase("an abbreviation before a blank line still ends there", "He lives in the U.S.\n\nShe does not.",
                  ["He lives in the U.S.", "She does not."]),
        SplitCase("empty text has no sentences", "", []),
        SplitCase("white space has no sentences", " \n\n \t", []),
        SplitCase("surrounding white space is trimmed", "  \n Done.  \n", ["Done."]),
    ]
}

struct SentenceSplitterTests {
    @Test("Splits", arguments: SplitCase.all)
    func splits(_ example: SplitCase) throws {
        let splitter = SentenceSplitter(lexicon: try SplitterFixture.lexicon())
        #expect(SplitterFixture.sentences(of: example.text, with: splitter) == example.sentences)
    }

    @Test("Offsets count Unicode scalars, not characters or UTF-16 units", arguments: [
        ("👍🏽 Hi. Yo.", [0..<6, 7..<10]),
        ("Cafe\u{301} closed. Bien.", [0..<13, 14..<19]),
        ("🇯🇵 Tokyo. Osaka.", [0..<9, 10..<16]),
        ("Done.\n\n  Next", [0..<5, 9..<13]),
    ])
    func scalarOffsets(text: String, expected: [Range<Int>]) throws {
        let splitter = SentenceSplitter(lexicon: try SplitterFixture.lexicon())
        #expect(splitter.split(text) == expected)
    }

    @Test("Ranges are ordered, trimmed, never span a blank line and cover every non-space scalar once")
    func contract() throws {
        let lexicon = try SplitterFixture.lexicon()
        let splitter = SentenceSplitter(lexicon: lexicon)
        var texts = SplitCase.all.map(\.text) + GoldenRule.all.map(\.text)
        texts += lexicon.rules.flatMap { $0.rule.examples.map(\.text) }
        texts += [
            "...", ". . . .", "!?", "“”", "•", "• •", "\n\n\n", "a.\n\nb.", "Mr.", "1.", "a. b. c.",
            "End.” “Start", "Wait . . .\n\nNo.", "x\u{00A0}. Y", "Hi.\u{2003}There.", "(...) [!] {?}",
        ]
        for text in texts {
            let problems = SplitterFixture.contractViolations(of: splitter.split(text), in: text)
            #expect(problems.isEmpty, "\(text.debugDescription): \(problems)")
        }
    }

    @Test("The contract holds for every text of three awkward fragments")
    func contractOnFragments() throws {
        let splitter = SentenceSplitter(lexicon: try SplitterFixture.lexicon())
        let fragments = [
            "", " ", "\n", "\n \n", ".", "...", " . . .", "!?", "…", "”", "“", "'", "(", ")", "[", "]", "•", "⁃",
            "1.", "2)", "a.", "b.)", "Mr.", "U.S.", "p.", "The", "x", "I.", "$5", "👍🏽", "e\u{301}", "\u{00A0}",
        ]
        var failures: [String] = []
        for a in fragments {
            for b in fragments {
                for c in fragments {
                    let text = a + b + " " + c + a
                    if !SplitterFixture.contractViolations(of: splitter.split(text), in: text).isEmpty {
                        failures.append(text.debugDescription)
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test("Without a lexicon only the general rules apply")
    func lexiconDecides() {
        let bare = SentenceSplitter(lexicon: AbbreviationLexicon(rules: []))
        #expect(SplitterFixture.sentences(of: "Mr. Smith left.", with: bare) == ["Mr.", "Smith left."])

        let titles = AbbreviationRule(
            id: "titles", summary: "Titles before a name.", kind: .title, abbreviations: ["Mr."],
            examples: [.init(text: "Mr. Smith left.", sentences: ["Mr. Smith left."])]
        )
        let lexicon = AbbreviationLexicon(rules: [RuleLine(rule: titles, file: "titles.jsonl", line: 1)])
        let splitter = SentenceSplitter(lexicon: lexicon)
        #expect(SplitterFixture.sentences(of: "Mr. Smith left.", with: splitter) == ["Mr. Smith left."])
    }

    @Test("Lexicon lookups respect each line's case rule")
    func lookups() throws {
        let lexicon = try SplitterFixture.lexicon()
        #expect(lexicon.kind(of: "U.S") == .ambiguous)
        #expect(lexicon.kind(of: "u.s") == .ambiguous)
        #expect(lexicon.kind(of: "Dr") == .title)
        #expect(lexicon.kind(of: "p") == .beforeNumber)
        #expect(lexicon.kind(of: "Ill") == .ambiguous)
        #expect(lexicon.kind(of: "ill") == nil)
        #expect(lexicon.kind(of: "table") == nil)
        #expect(lexicon.isSentenceStarter("The"))
        #expect(!lexicon.isSentenceStarter("the"))
        #expect(!lexicon.isSentenceStarter("I"))
    }

    @Test("A bad lexicon line is reported with its file and line", arguments: [
        (#"{"id": "x", "summary": "S.", "kind": "titles", "abbreviations": ["Dr."], "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "unknown kind 'titles'"),
        (#"{"id": "x", "summary": "S.", "kind": "title", "abbreviations": [], "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "'abbreviations' is missing or empty"),
        (#"{"id": "x", "summary": "S.", "kind": "title", "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "'abbreviations' is missing or empty"),
        (#"{"id": "x", "summary": "S.", "kind": "title", "abbreviations": ["Dr"], "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "with its final period"),
        (#"{"id": "x", "summary": "S.", "kind": "title", "abbreviations": ["Dr."], "examples": []}"#,
         "'examples' is empty"),
        (#"{"id": "x", "summary": "S.", "kind": "title", "abbreviations": ["Dr."], "examples": [{"text": "a", "sentences": []}]}"#,
         "example 1 has no 'sentences'"),
        (#"{"id": "x", "summary": "S.", "kind": "sentence-starters", "words": ["the"], "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "'the' is not a capitalised word"),
        (#"{"id": "x", "summary": "S.", "kind": "sentence-starters", "abbreviations": ["Dr."], "words": ["The"], "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "lists 'words', not 'abbreviations'"),
        (#"{"id": "second", "summary": "S.", "kind": "ambiguous", "abbreviations": ["dr."], "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "already listed on line 1"),
        (#"{"id": "first", "summary": "S.", "kind": "ambiguous", "abbreviations": ["Jr."], "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "id 'first' is already used on line 1"),
        (#"{"id": "x", "summary": "S.", "kind": "title", "abbreviations": ["Dr."]}"#,
         "missing key 'examples'"),
        (#"{"id": "x", "#, "not a valid AbbreviationRule object"),
        (#"{"id": "x", "summary": "S.", "kind": "title", "abbreviations": ["Dr."], "case_sensitiv": true, "examples": [{"text": "a", "sentences": ["a"]}]}"#,
         "unknown key 'case_sensitiv'; did you mean 'case_sensitive'?"),
    ])
    func badLine(line: String, reason: String) {
        // Line 1 is valid, line 2 is blank, the bad line is line 3.
        let first = #"{"id": "first", "summary": "Titles.", "kind": "title", "abbreviations": ["Dr."], "examples": [{"text": "Dr. Lee left.", "sentences": ["Dr. Lee left."]}]}"#
        let contents = first + "\n\n" + line + "\n"
        do {
            _ = try AbbreviationLexicon.decode(file: "annotations/rules/test.jsonl", contents: contents)
            Issue.record("expected an error mentioning \(reason.debugDescription)")
        } catch let StandoffError.invalidRule(file, line, message) {
            #expect(file == "annotations/rules/test.jsonl")
            #expect(line == 3)
            #expect(message.contains(reason), "\(message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("The project's rule file decodes")
    func ruleFileDecodes() throws {
        let lexicon = try SplitterFixture.lexicon()
        #expect(lexicon.rules.allSatisfy { $0.file == SplitterFixture.ruleFile })
        #expect(Set(lexicon.rules.compactMap(\.rule.resolvedKind)) == Set(AbbreviationRule.Kind.allCases))
    }
}
