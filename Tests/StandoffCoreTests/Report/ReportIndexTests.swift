import Testing
@testable import StandoffCore

@Suite("Report index")
struct ReportIndexTests {
    static var index: ReportIndex {
        var statistics = AnnotationStatistics()
        statistics.add(ReportFixture.document)
        var rules = StanceRuleStatistics()
        rules.add(ReportFixture.document)
        let rows = [
            ReportIndex.Row(id: "doc \"1\"", title: "<script>alert(1)</script>", publication: "\"><img src=x onerror=alert(1)>", published: "2024-01-02",
                            sentences: 3, mentions: 2, removed: 3,
                            stances: [DocumentStance(target: "t", label: "favor", favor: 1, against: 0, none: 1)]),
            ReportIndex.Row(id: "b", title: nil, publication: nil, published: nil, sentences: 0, mentions: 0, removed: 0, stances: [], hasPage: false),
        ]
        return ReportIndex(name: "Test & data 0.1", rows: rows, statistics: statistics, stanceRules: rules, context: ReportFixture.context)
    }

    static let expected: [(String, String)] = [
        ("the heading escaped", "<h1>Test &amp; data 0.1</h1>"),
        ("a document row linking to its page", #"<a href="documents/doc%2520%25221%2522.html">&lt;script&gt;alert(1)&lt;/script&gt;</a>"#),
        ("a hostile outlet as text", "<td>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>"),
        ("a numeric sortable column", #"<th scope="col" class="n" data-type="number"><button type="button">sentences</button></th>"#),
        ("the document stance", #"<td data-value="favor"><span class="badge l-favor">favor</span></td><td class="n">1</td><td class="n">0</td><td class="n">1</td>"#),
        ("a row without a page has no link", #"<tr data-doc="b"><td data-value="b">b<br>"#),
        ("the stance chart", #"<figure id="chart-stance">"#),
        ("the mentions chart with a GPE bar", #"<rect x="210" y="#),
        ("the most mentioned entities", "Japan (GPE)"),
        ("the rule table", #"<tr data-rule="target-named">"#),
        ("the sorting script", "table.sortable"),
    ]

    @Test(arguments: expected)
    func indexHolds(_ what: String, _ markup: String) {
        #expect(Self.index.html.contains(markup), "\(what)")
    }

    @Test func untrustedTextNeverBecomesMarkup() {
        let html = Self.index.html
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img"))
    }

    @Test func theSameFiguresGiveTheSameBytes() {
        #expect(Self.index.html == Self.index.html)
    }

    @Test func everyPageCarriesAPolicyThatAllowsOnlyItsOwnStyleAndScript() {
        #expect(ReportStyle.policy.hasPrefix("default-src 'none'; style-src 'sha256-"))
        #expect(!ReportStyle.policy.contains("unsafe"))
        #expect(Self.index.html.contains(ReportStyle.policy))
    }
}
