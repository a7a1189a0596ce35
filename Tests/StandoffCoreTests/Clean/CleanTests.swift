import StandoffTestSupport
import Testing
@testable import StandoffCore

@Suite("Clean")
struct CleanTests {
    static let paragraphA = "The council will vote next week on a proposal to lease the harbour to a private operator for ninety years, and the mayor says the deal is the best on offer."
    static let paragraphB = "Critics argue that the terms were negotiated in secret and that residents have had no chance to read them, let alone comment, before the vote."

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let raw: String
        let paragraphs: [String]
        let removed: [Int: String]
        var title: String? = nil
        var authors: [String] = []
        var publication: String? = nil
        var published: String? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "one line per paragraph, no blank lines",
             raw: "\(paragraphA)\n\(paragraphB)",
             paragraphs: [paragraphA, paragraphB], removed: [:]),
        Case(name: "non-breaking and repeated spaces fold to one",
             raw: "The\u{00A0}council  will\tvote next week on a proposal, and the mayor backs it strongly.",
             paragraphs: ["The council will vote next week on a proposal, and the mayor backs it strongly."], removed: [:]),
        Case(name: "page furniture around an article",
             raw: "The Harbour Gazette\nHome\n\nWhy the Port Deal Should Be Rejected\n\nBy Ana Lima and Joe Park\nPublished June 9, 2022\n\n\(paragraphA)\n\nConclusion\n\n\(paragraphB)\n\nShare this article\n© 2025 Harbour Media. All rights reserved.\nRelated Stories\nA Ferry Too Far\n;",
             paragraphs: [paragraphA, paragraphB],
             removed: [1: "masthead", 2: "navigation-label", 4: "headline", 6: "byline", 7: "dateline", 11: "section-heading",
                       15: "share-prompt", 16: "copyright-notice", 17: "related-heading", 18: "after-body", 19: "no-text"],
             title: "Why the Port Deal Should Be Rejected", authors: ["Ana Lima", "Joe Park"],
             publication: "The Harbour Gazette", published: "2022-06-09"),
        Case(name: "headline repeated, label lines before the body",
             raw: "Opinion Pieces\n\nA Budget in Trouble Again\n\nEditors Picks\n\nA Budget in Trouble Again\n\n\(paragraphA)",
             paragraphs: [paragraphA],
             removed: [1: "before-body", 3: "headline", 5: "related-heading", 7: "headline"],
             title: "A Budget in Trouble Again"),
        Case(name: "standfirst repeated inside the last paragraph",
             raw: "\(paragraphB)\n\(paragraphA)\n\(paragraphB) The vote should wait.",
             paragraphs: [paragraphA, "\(paragraphB) The vote should wait."],
             removed: [1: "repeated-text"]),
        Case(name: "author bio after the body gives the author",
             raw: "\(paragraphA)\n\(paragraphB)\n\nAbout the Author\nMaria Souza is a senior fellow at the Example Institute.\nImage credit: Example Wire.",
             paragraphs: [paragraphA, paragraphB],
             removed: [4: "about-author", 5: "author-bio", 6: "photo-credit"], authors: ["Maria Souza"]),
        Case(name: "hard-wrapped CRLF-free paragraphs with blank lines",
             raw: "The council will vote next week on a proposal to lease the\nharbour to a private operator for ninety years. The mayor\nsays the deal is the best on offer.\n\nCritics argue that the terms were negotiated in secret and\nthat residents had no chance to read them before the vote.",
             paragraphs: ["The council will vote next week on a proposal to lease the harbour to a private operator for ninety years. The mayor says the deal is the best on offer.",
                          "Critics argue that the terms were negotiated in secret and that residents had no chance to read them before the vote."],
             removed: [:]),
        Case(name: "wrapped lines without blank lines split at short sentence-final lines",
             raw: "The council will vote next week on a proposal to lease the\nharbour to a private operator, officials say.\nIt is short.\nCritics argue that the terms were negotiated in secret and\nthat residents had no chance to read them before the vote.",
             paragraphs: ["The council will vote next week on a proposal to lease the harbour to a private operator, officials say.",
                          "It is short.",
                          "Critics argue that the terms were negotiated in secret and that residents had no chance to read them before the vote."],
             removed: [:]),
        Case(name: "a prose line inside quotes is not a heading",
             raw: "\(paragraphA)\n“We will not sign this lease, whatever they offer us,” she said.\n\(paragraphB)",
             paragraphs: [paragraphA, "“We will not sign this lease, whatever they offer us,” she said.", paragraphB],
             removed: [:]),
    ]

    @Test(arguments: cases)
    func cleans(_ testCase: Case) throws {
        let (document, diagnostics) = try TestRules.run([Clean(lexicon: TestRules.boilerplate)], text: testCase.raw)
        #expect(document.paragraphs.map(\.text) == testCase.paragraphs)
        #expect(document.text == testCase.paragraphs.joined(separator: "\n\n"))
        #expect(Dictionary(uniqueKeysWithValues: document.removed.map { ($0.line, $0.reason) }) == testCase.removed)
        #expect(document.metadata == DocumentMetadata(title: testCase.title, authors: testCase.authors,
                                                     publication: testCase.publication, published: testCase.published))
        #expect(diagnostics.isEmpty)
    }

    @Test func paragraphOffsetsAreCodePointsIntoText() throws {
        let raw = "👍🏽 \(Self.paragraphA)\n\(Self.paragraphB)"
        let (document, _) = try TestRules.run([Clean(lexicon: TestRules.boilerplate)], text: raw)
        let scalars = Array(document.text.unicodeScalars)
        for paragraph in document.paragraphs {
            #expect(String(String.UnicodeScalarView(scalars[paragraph.start..<paragraph.end])) == paragraph.text)
        }
        #expect(document.paragraphs[1].start == Self.paragraphA.unicodeScalars.count + 3 + 2)
    }

    @Test func removedLinesKeepTheirRawText() throws {
        let (document, _) = try TestRules.run([Clean(lexicon: TestRules.boilerplate)], text: "Share\u{00A0}this  article\n\(Self.paragraphA)")
        #expect(document.removed == [RemovedLine(line: 1, text: "Share\u{00A0}this  article", reason: "share-prompt")])
    }

    @Test func aPageWithoutProseWarnsAndKeepsEveryLineOnRecord() throws {
        let (document, diagnostics) = try TestRules.run([Clean(lexicon: TestRules.boilerplate)], text: "Home\nMenu\nShort label")
        #expect(document.paragraphs.isEmpty)
        #expect(document.removed.count == 3)
        #expect(diagnostics.map(\.code) == ["empty-body"])
    }

    @Test func anUnreadableDateLineWarnsInsteadOfGuessing() throws {
        let (document, diagnostics) = try TestRules.run([Clean(lexicon: TestRules.boilerplate)], text: "Published 31/31/2020\n\(Self.paragraphA)")
        #expect(document.metadata.published == nil)
        #expect(diagnostics.map(\.code) == ["unreadable-date"])
        #expect(diagnostics.first?.location == "raw/d.txt:1")
    }

    struct RealArticle: CustomTestStringConvertible, Sendable {
        let id: String
        let metadata: DocumentMetadata
        let paragraphs: Int
        let removed: Int
        var testDescription: String { id }
    }

    /// The decisions on the five committed articles, checked line by line by a reader.
    static let realArticles: [RealArticle] = [
        RealArticle(id: "000_9e598d26d3e3c964",
                    metadata: DocumentMetadata(title: "A Potential Japan-North Korea Summit: Don’t Fear the Wedge", authors: ["Eric Gomez"]),
                    paragraphs: 14, removed: 8),
        RealArticle(id: "001_a81becba0192857b",
                    metadata: DocumentMetadata(title: "North Korea Talks Stalemate: What Should Japan Do?", authors: ["Yuki Tatsumi"], publication: "The Diplomat"),
                    paragraphs: 7, removed: 19),
        RealArticle(id: "002_35ab8c524df43227", metadata: DocumentMetadata(), paragraphs: 13, removed: 0),
        RealArticle(id: "003_78a24d903cf32b0d",
                    metadata: DocumentMetadata(title: "Japan and North Korea: Balancing Trilateral Deterrence and Bilateral Progress"),
                    paragraphs: 5, removed: 8),
        RealArticle(id: "004_d6e38f2de65e90c7",
                    metadata: DocumentMetadata(title: "Dim Prospects for a North Korea-Japan Summit Soon", authors: ["Terrence Matsuo"],
                                               publication: "The Peninsula", published: "2024-04-04"),
                    paragraphs: 7, removed: 14),
    ]

    @Test(arguments: realArticles)
    func realArticle(_ article: RealArticle) throws {
        let raw = try Repository.text("raw/\(article.id).txt")
        let (document, diagnostics) = try TestRules.run([Clean(lexicon: TestRules.boilerplate)], text: raw, id: article.id)
        #expect(document.metadata == article.metadata)
        #expect(document.paragraphs.count == article.paragraphs)
        #expect(document.removed.count == article.removed)
        #expect(diagnostics.isEmpty)
        // No boilerplate phrase survives in the body.
        for phrase in ["Subscribe", "Image Credit", "Photo from", "Return to", "is a senior fellow", "Total Index"] {
            #expect(!document.text.contains(phrase), "\(phrase)")
        }
    }
}
