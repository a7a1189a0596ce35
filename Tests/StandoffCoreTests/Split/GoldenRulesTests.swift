// The English "Golden Rules" for sentence boundary detection, transcribed from pySBD's
// benchmarks/english_golden_rules.py (MIT licence, Copyright (c) 2017 Nipun Sadvilkar). The rules
// originate in Kevin S. Dias's pragmatic_segmenter (MIT licence, Copyright (c) 2015 Kevin S. Dias).
//
// Every case runs as one argument of `goldenRule`. Cases the splitter gets wrong stay in the table
// with a `knownIssue` reason and run inside `withKnownIssue`, so the suite stays green while the
// count stays honest: passes = `GoldenRule.all.count - GoldenRule.knownFailures.count`, and
// `tally` checks that number against a fresh run.

import Testing
import StandoffCore

/// One golden rule: a text and the sentences it must split into.
struct GoldenRule: Sendable, CustomTestStringConvertible {
    /// 1-based position in the published list.
    var number: Int
    var text: String
    var sentences: [String]
    /// Why the splitter fails this case; nil when it passes.
    var knownIssue: String?

    init(_ number: Int, _ text: String, _ sentences: [String], knownIssue: String? = nil) {
        self.number = number
        self.text = text
        self.sentences = sentences
        self.knownIssue = knownIssue
    }

    var testDescription: String { "golden rule \(number)" }

    /// The cases the splitter is known to fail.
    static var knownFailures: [GoldenRule] { all.filter { $0.knownIssue != nil } }

    static let all: [GoldenRule] = [
        GoldenRule(1, "Hello World. My name is Jonas.",
                   ["Hello World.", "My name is Jonas."]),
        GoldenRule(2, "What is your name? My name is Jonas.",
                   ["What is your name?", "My name is Jonas."]),
        GoldenRule(3, "There it is! I found it.",
                   ["There it is!", "I found it."]),
        GoldenRule(4, "My name is Jonas E. Smith.",
                   ["My name is Jonas E. Smith."]),
        GoldenRule(5, "Please turn to p. 55.",
                   ["Please turn to p. 55."]),
        GoldenRule(6, "Were Jane and co. at the party?",
                   ["Were Jane and co. at the party?"]),
        GoldenRule(7, "They closed the deal with Pitt, Briggs & Co. at noon.",
                   ["They closed the deal with Pitt, Briggs & Co. at noon."]),
        GoldenRule(8, "Let's ask Jane and co. They should know.",
                   ["Let's ask Jane and co.", "They should know."]),
        GoldenRule(9, "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
                   ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."]),
        GoldenRule(10, "I can see Mt. Fuji from here.",
                   ["I can see Mt. Fuji from here."]),
        GoldenRule(11, "St. Michael's Church is on 5th st. near the light.",
                   ["St. Michael's Church is on 5th st. near the light."]),
        GoldenRule(12, "That is JFK Jr.'s book.",
                   ["That is JFK Jr.'s book."]),
        GoldenRule(13, "I visited the U.S.A. last year.",
                   ["I visited the U.S.A. last year."]),
        GoldenRule(14, "I live in the E.U. How about you?",
                   ["I live in the E.U.", "How about you?"]),
        GoldenRule(15, "I live in the U.S. How about you?",
                   ["I live in the U.S.", "How about you?"]),
        GoldenRule(16, "I work for the U.S. Government in Virginia.",
                   ["I work for the U.S. Government in Virginia."]),
        GoldenRule(17, "I have lived in the U.S. for 20 years.",
                   ["I have lived in the U.S. for 20 years."]),
        GoldenRule(18, "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
                   ["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."]),
        GoldenRule(19, "She has $100.00 in her bag.",
                   ["She has $100.00 in her bag."]),
        GoldenRule(20, "She has $100.00. It is in her bag.",
                   ["She has $100.00.", "It is in her bag."]),
        GoldenRule(21, "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
                   ["He teaches science (He previously worked for 5 years as an engineer.) at the local University."]),
        GoldenRule(22, "Her email is Jane.Doe@example.com. I sent her an email.",
                   ["Her email is Jane.Doe@example.com.", "I sent her an email."]),
        GoldenRule(23, "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
                   ["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."]),
        GoldenRule(24, "She turned to him, 'This is great.' she said.",
                   ["She turned to him, 'This is great.' she said."]),
        GoldenRule(25, "She turned to him, \"This is great.\" she said.",
                   ["She turned to him, \"This is great.\" she said."]),
        GoldenRule(26, "She turned to him, \"This is great.\" She held the book out to show him.",
                   ["She turned to him, \"This is great.\"", "She held the book out to show him."]),
        GoldenRule(27, "Hello!! Long time no see.",
                   ["Hello!!", "Long time no see."]),
        GoldenRule(28, "Hello?? Who is there?",
                   ["Hello??", "Who is there?"]),
        GoldenRule(29, "Hello!? Is that you?",
                   ["Hello!?", "Is that you?"]),
        GoldenRule(30, "Hello?! Is that you?",
                   ["Hello?!", "Is that you?"]),
        GoldenRule(31, "1.) The first item 2.) The second item",
                   ["1.) The first item", "2.) The second item"]),
        GoldenRule(32, "1.) The first item. 2.) The second item.",
                   ["1.) The first item.", "2.) The second item."]),
        GoldenRule(33, "1) The first item 2) The second item",
                   ["1) The first item", "2) The second item"]),
        GoldenRule(34, "1) The first item. 2) The second item.",
                   ["1) The first item.", "2) The second item."]),
        GoldenRule(35, "1. The first item 2. The second item",
                   ["1. The first item", "2. The second item"]),
        GoldenRule(36, "1. The first item. 2. The second item.",
                   ["1. The first item.", "2. The second item."]),
        GoldenRule(37, "• 9. The first item • 10. The second item",
                   ["• 9. The first item", "• 10. The second item"]),
        GoldenRule(38, "⁃9. The first item ⁃10. The second item",
                   ["⁃9. The first item", "⁃10. The second item"]),
        GoldenRule(39, "a. The first item b. The second item c. The third list item",
                   ["a. The first item", "b. The second item", "c. The third list item"]),
        GoldenRule(40, "You can find it at N°. 1026.253.553. That is where the treasure is.",
                   ["You can find it at N°. 1026.253.553.", "That is where the treasure is."]),
        GoldenRule(41, "She works at Yahoo! in the accounting department.",
                   ["She works at Yahoo! in the accounting department."]),
        GoldenRule(42, "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
                   ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"]),
        GoldenRule(43, "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
                   ["Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"]),
        GoldenRule(44, "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
                   ["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."]),
        GoldenRule(45, "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
                   ["If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .", "Next sentence."]),
        GoldenRule(46, "I never meant that.... She left the store.",
                   ["I never meant that....", "She left the store."]),
        GoldenRule(47, "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
                   ["I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."]),
        GoldenRule(48, "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
                   ["One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.", ". . . The practice was not abandoned. . . ."]),
    ]
}

struct GoldenRulesTests {
    @Test("Golden rule", arguments: GoldenRule.all)
    func goldenRule(_ rule: GoldenRule) throws {
        let splitter = SentenceSplitter(lexicon: try SplitterFixture.lexicon())
        let got = SplitterFixture.sentences(of: rule.text, with: splitter)
        if let reason = rule.knownIssue {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(got == rule.sentences, "golden rule \(rule.number)")
            }
        } else {
            #expect(got == rule.sentences, "golden rule \(rule.number)")
        }
    }

    @Test("The table holds all 48 golden rules, numbered in order")
    func tableIsComplete() {
        #expect(GoldenRule.all.count == 48)
        #expect(GoldenRule.all.map(\.number) == Array(1...48))
    }

    @Test("The pass count matches the cases not marked as known failures")
    func tally() throws {
        let splitter = SentenceSplitter(lexicon: try SplitterFixture.lexicon())
        let passing = GoldenRule.all.filter { SplitterFixture.sentences(of: $0.text, with: splitter) == $0.sentences }
        let expectedPasses = GoldenRule.all.count - GoldenRule.knownFailures.count
        #expect(passing.count == expectedPasses, "passes \(passing.count) of \(GoldenRule.all.count)")
        #expect(passing.count >= 44, "passes \(passing.count) of \(GoldenRule.all.count)")
    }
}
