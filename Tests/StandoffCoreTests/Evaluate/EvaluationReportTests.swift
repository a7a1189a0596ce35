import Foundation
import Testing
@testable import StandoffCore

@Suite("Evaluation report")
struct EvaluationReportTests {
    static func pages(body: String) -> EvaluationReport {
        var document = Document(id: "p1", sourceFile: "p1.txt", rawBytes: [])
        document.text = body
        document.metadata = DocumentMetadata(title: "A “Quoted” Headline", published: "2020-01-02")
        document.removed = [RemovedLine(line: 9, text: "five six seven eight nine", reason: "after-body")]
        let truth = PageTruth(id: "p1", articleBody: "one two three four\n\nfive six seven eight nine", headline: "a \"quoted\" headline",
                              published: "2020-01-03", inDump: ["w3m": .init(headline: true, published: true), "bs4": .init(headline: false, published: false)])
        return EvaluationReport(name: "pages", pages: PageEvaluation(documents: [document], truth: [truth], converter: "w3m"))
    }

    @Test func titleAndDateCountOnlyWhereTheDumpShowsThem() {
        let report = Self.pages(body: "one two three four")
        #expect(report.pages?.title == Tally(right: 1, total: 1), "case and quote style aside")
        #expect(report.pages?.published == Tally(right: 0, total: 1))
        #expect(report.pages?.wordsLostBy == ["after-body": 5])
        var document = Document(id: "p1", sourceFile: "p1.txt", rawBytes: [])
        document.text = "x"
        let hidden = PageEvaluation(documents: [document], truth: [PageTruth(id: "p1", articleBody: "y", headline: "h", published: "2020-01-01",
                                                                              inDump: ["bs4": .init(headline: false, published: false)])], converter: "bs4")
        #expect(hidden.title.total == 0 && hidden.published.total == 0)
    }

    @Test func anEmptyBodyIsListed() {
        let report = Self.pages(body: "")
        #expect(report.pages?.emptyBodies == ["p1"])
        #expect(report.pages?.recall == 0)
    }

    /// `--compare` reads figures back from saved JSON by path and marks each change.
    @Test func comparingWithASavedReport() throws {
        let before = Self.pages(body: "one two three four Home News")
        let after = Self.pages(body: "one two three four five six seven eight nine")
        let figures = try EvaluationReport.figures(fromJSON: Data(before.json.utf8))
        #expect(figures["pages.f1"] == Score.rounded(before.pages!.f1))
        #expect(figures["pages.empty_bodies.count"] == 0)
        // Rates of exactly 1 and 0 are numbers, not booleans.
        #expect(figures["pages.title.rate"] == 1 && figures["pages.published.rate"] == 0)
        let markdown = after.markdown(previous: figures)
        #expect(markdown.contains("| body F1 | \(EvaluationReport.fixed(before.pages!.f1)) | 1.000 |"))
        #expect(markdown.contains("better"))
    }

    @Test func jsonIsDeterministic() {
        #expect(Self.pages(body: "one two").json == Self.pages(body: "one two").json)
        #expect(Self.pages(body: "one two").json.hasSuffix("}\n"))
    }
}
