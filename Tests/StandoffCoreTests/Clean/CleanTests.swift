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

    static let paragraphD = "The vote is on Thursday, and the outcome is far from certain, since several members have yet to say which way they will go on the lease."
    static let paragraphE = "Whatever the result, the harbour board says it will publish the full terms of the lease once the council has voted, so that residents can judge the deal for themselves."
    static let paragraphC = "Supporters say the lease would bring money that the town badly needs, and that the harbour has been losing visitors for a decade or more."

    /// A page and what the shape of the page must decide: the body, and the reason of some removed lines.
    struct ShapeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let raw: String
        let paragraphs: [String]
        let removed: [Int: String]
        var testDescription: String { name }
    }

    static let shapeCases: [ShapeCase] = [
        ShapeCase(name: "menu items are list items, never wrapped lines, and the menu is not body",
                  raw: "* Home\n* iPad\n* iPad mini\n* iMac\n* iPhone Pro\n\n\(paragraphA)\n\n\(paragraphB)\n\n* iPod touch\n* iPad Air",
                  paragraphs: [paragraphA, paragraphB], removed: [2: "before-body", 3: "before-body", 11: "after-body", 12: "after-body"]),
        ShapeCase(name: "readers' comments under a comments heading",
                  raw: "\(paragraphA)\n\n\(paragraphB)\n\n\(paragraphC)\n\nComments\n\nharbour_fan\n\nThis is the worst idea the council has had in years, and I have lived here all my life.\nReply",
                  paragraphs: [paragraphA, paragraphB, paragraphC], removed: [7: "comments-heading", 11: "comment-section", 12: "comment-meta"]),
        ShapeCase(name: "a teaser list under a related heading inside the body",
                  raw: "\(paragraphA)\n\n\(paragraphB)\n\nRelated Stories\n\nFerry Fares to Rise in Spring\nHarbour Master Steps Down\nNew Bridge Plan Unveiled\n\n\(paragraphC) \(paragraphD)\n\n\(paragraphE)",
                  paragraphs: [paragraphA, paragraphB, "\(paragraphC) \(paragraphD)", paragraphE],
                  removed: [5: "related-heading", 7: "teaser", 8: "teaser", 9: "section-heading"]),
        ShapeCase(name: "Japanese: words counted by characters, sentences ending in 。",
                  raw: "港の再開発計画について、市議会は来週採決する予定です。市長はこの計画が最善だと述べています。\n\n反対派は、条件が秘密裏に交渉されたと主張しています。住民は内容を読む機会がありませんでした。",
                  paragraphs: ["港の再開発計画について、市議会は来週採決する予定です。市長はこの計画が最善だと述べています。", "反対派は、条件が秘密裏に交渉されたと主張しています。住民は内容を読む機会がありませんでした。"],
                  removed: [:]),
        ShapeCase(name: "inline pieces a converter put on lines of their own are joined",
                  raw: "\(paragraphA)\n\nThe mayor said at \na rally\n in May that the lease was fair, and he repeated the claim on Tuesday\n.\n\n\(paragraphB)",
                  paragraphs: [paragraphA, "The mayor said at a rally in May that the lease was fair, and he repeated the claim on Tuesday.", paragraphB], removed: [:]),
        ShapeCase(name: "a caption right above a picture credit",
                  raw: "\(paragraphA)\n\nThe harbour at dawn, seen from the old lighthouse.\nPhoto: Jane Doe\n\n\(paragraphB)",
                  paragraphs: [paragraphA, paragraphB], removed: [3: "caption", 4: "photo-credit"]),
        ShapeCase(name: "a note about the publisher after the article",
                  raw: "\(paragraphA)\n\n\(paragraphB)\n\nAbout Harbour Holdings\n\nHarbour Holdings is a port operator with offices in twelve countries and a staff of several thousand people.",
                  paragraphs: [paragraphA, paragraphB], removed: [5: "about-heading", 7: "closing-section"]),
        ShapeCase(name: "a rule on a wrapped paragraph's first line removes the paragraph",
                  raw: "The council will vote next week on a proposal to lease the\nharbour to a private operator for ninety years. The mayor\nsays the deal is the best on offer.\n\nThis is a rush transcript and it may contain errors, so check\nthe audio before quoting it in any published work.\n\nCritics argue that the terms were negotiated in secret and\nthat residents had no chance to read them before the vote.",
                  paragraphs: ["The council will vote next week on a proposal to lease the harbour to a private operator for ninety years. The mayor says the deal is the best on offer.",
                               "Critics argue that the terms were negotiated in secret and that residents had no chance to read them before the vote."],
                  removed: [5: "transcript-notice", 6: "transcript-notice"]),
        ShapeCase(name: "the article is the longest run of prose, not a footer's prose far below it",
                  raw: "\(paragraphA)\n\n\(paragraphB)\n\n\(paragraphC)\n\nHome\nNews\nSport\nWeather\nContact\nJobs\n\nThe information on this site is provided for general guidance only and is not advice.",
                  paragraphs: [paragraphA, paragraphB, paragraphC], removed: [14: "after-body"]),
    ]

    @Test(arguments: shapeCases)
    func decidesFromTheShapeOfThePage(_ testCase: ShapeCase) throws {
        let (document, _) = try TestRules.run([Clean(lexicon: TestRules.boilerplate)], text: testCase.raw)
        #expect(document.paragraphs.map(\.text) == testCase.paragraphs)
        let reasons = Dictionary(uniqueKeysWithValues: document.removed.map { ($0.line, $0.reason) })
        for (line, reason) in testCase.removed {
            #expect(reasons[line] == reason, "line \(line)")
        }
        // Every non-blank line is either body or on record.
        let kept = Set(document.paragraphs.flatMap(\.lines))
        let lines = testCase.raw.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !PageLine.isBlank(line) {
            #expect(kept.contains(index + 1) != (reasons[index + 1] != nil), "line \(index + 1)")
        }
    }

    /// jusText's context rules, by the classes of a block's neighbours.
    @Test(arguments: [
        ([Clean.BlockClass.good, .short, .good], [Clean.BlockClass.good, .good, .good]),
        ([.bad, .short, .bad], [.bad, .bad, .bad]),
        ([.good, .short, .bad], [.good, .bad, .bad]),
        ([.good, .short, .nearGood, .bad], [.good, .good, .good, .bad]),
        ([.bad, .nearGood, .bad], [.bad, .bad, .bad]),
        ([.bad, .nearGood, .short, .good], [.bad, .good, .good, .good]),
        ([.short], [.bad]),
    ])
    func revisesShortAndMediumBlocksByTheirNeighbours(_ classes: [Clean.BlockClass], _ expected: [Clean.BlockClass]) {
        #expect(Clean.revise(classes) == expected)
    }

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
                    paragraphs: 8, removed: 18),
        RealArticle(id: "002_35ab8c524df43227", metadata: DocumentMetadata(), paragraphs: 13, removed: 0),
        RealArticle(id: "003_78a24d903cf32b0d",
                    metadata: DocumentMetadata(title: "Japan and North Korea: Balancing Trilateral Deterrence and Bilateral Progress"),
                    paragraphs: 6, removed: 7),
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
