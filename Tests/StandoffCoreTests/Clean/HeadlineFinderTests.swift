import StandoffTestSupport
import Testing
@testable import StandoffCore

/// Title, authors, publication and date read by the whole stage from synthetic pages.
@Suite("HeadlineFinder")
struct HeadlineFinderTests {
    static let body = "The council will vote next week on a proposal to lease the harbour to a private operator for ninety years, and the mayor says the deal is the best on offer."
    static let body2 = "Critics argue that the terms were negotiated in secret and that residents have had no chance to read them, let alone comment, before the vote."

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let raw: String
        var title: String?
        var authors: [String] = []
        var publication: String?
        var published: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "navigation bar and site name are not the headline",
             raw: "Harbour Daily\nPorts | Ships | Weather | Opinion\nCity Weighs Lease of the Old Harbour\nBy Ana Lima, Reuters\nOct. 3, 2025\n\(body)\n\(body2)",
             title: "City Weighs Lease of the Old Harbour", authors: ["Ana Lima"], published: "2025-10-03"),
        Case(name: "page-title line with site suffix matches the h1 further down",
             raw: "City Weighs Lease of the Old Harbour | Harbour Daily\nMenu\n* Ports\n* Ships\nLatest Stories Today\nCity Weighs Lease of the Old Harbour\nPublished: Friday, March 7, 2025 Updated March 8, 2025\n\(body)\n\(body2)",
             title: "City Weighs Lease of the Old Harbour", publication: "Harbour Daily", published: "2025-03-07"),
        Case(name: "author line under the headline, wire credit and relative update",
             raw: "Ports\nFerry Operators Brace for a Long Winter\nAna Lima and Joe Park in Lisbon\n17:36 JST, November 27, 2023 Updated 2 hours ago\n\(body)\n\(body2)",
             title: "Ferry Operators Brace for a Long Winter", authors: ["Ana Lima", "Joe Park"], published: "2023-11-27"),
        Case(name: "wire sign-off names reporters, not editors; copyright names the outlet",
             raw: "Harbour Vote Delayed Again\n3 October 2025\n\(body)\n\(body2)\nReporting by Ana Lima in Lisbon; Editing by Joe Park\n© 2025 Example Wire Ltd. All rights reserved.",
             title: "Harbour Vote Delayed Again", authors: ["Ana Lima"], publication: "Example Wire", published: "2025-10-03"),
        Case(name: "a date inside the body is not the publication date",
             raw: "Harbour Vote Delayed Again\n\(body)\n\(body2)\nThe next meeting is set for 3 October 2025, officials said in a statement on Monday.",
             title: "Harbour Vote Delayed Again"),
        Case(name: "a headline in German with a German date",
             raw: "Hafen | Politik | Wirtschaft\nDer Stadtrat streitet über den alten Hafen\nVon Jana Schmidt, 3. Oktober 2025\nDer Stadtrat wird nächste Woche über einen Vorschlag abstimmen, den Hafen für neunzig Jahre an einen privaten Betreiber zu verpachten.\nKritiker sagen, die Bedingungen seien im Geheimen ausgehandelt worden, und die Bürger hätten sie nie lesen können.",
             title: "Der Stadtrat streitet über den alten Hafen", authors: ["Jana Schmidt"], published: "2025-10-03"),
    ]

    @Test(arguments: cases)
    func readsMetadata(_ testCase: Case) throws {
        let (document, _) = try TestRules.run([Clean(lexicon: TestRules.boilerplate)], text: testCase.raw)
        #expect(document.metadata == DocumentMetadata(title: testCase.title, authors: testCase.authors,
                                                      publication: testCase.publication, published: testCase.published))
    }
}
