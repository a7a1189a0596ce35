import Testing
@testable import StandoffCore

@Suite("PublicationDate")
struct PublicationDateTests {
    static let readable: [(String, String?)] = [
        ("April 4, 2024", "2024-04-04"),
        ("Oct. 3, 2025", "2025-10-03"),
        ("3 October 2025", "2025-10-03"),
        ("2025/10/03", "2025-10-03"),
        ("2019.11.19", "2019-11-19"),
        ("2019-11-19T10:00:00Z", "2019-11-19"),
        ("17:36 JST, November 27, 2023", "2023-11-27"),
        ("Updated 10:32 AM EDT, Fri October 3, 2025", "2025-10-03"),
        ("Published: Friday, March 7, 2025", "2025-03-07"),
        ("Published Mar. 4, 2023 Updated Mar. 5, 2023, 8:05 a.m. ET", "2023-03-04"),
        ("Updated Jan 5, 2021 · Published Jan 4, 2021", "2021-01-04"),
        ("Tue 9 Dec 2025 01.41 GMT", "2025-12-09"),
        ("3. Oktober 2025", "2025-10-03"),
        ("14 de março de 2012 às 09:30", "2012-03-14"),
        ("12 juillet 2021", "2021-07-12"),
        ("5 maggio 2020", "2020-05-05"),
        ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),
        ("27/09/2018", "2018-09-27"),
        ("11/13/19 at 4:00 PM", "2019-11-13"),
        ("21:17 18.11.2019", "2019-11-18"),
        ("04/05/2024", nil),
        ("2 hours ago", nil),
        ("Version 1.2.3.4", nil),
        ("February 30, 2024", nil),
        ("Call 12-34-5678", nil),
    ]

    @Test(arguments: readable)
    func reads(_ example: (String, String?)) {
        #expect(PublicationDate.iso(example.0) == example.1, "\(example.0)")
    }

    @Test func relativeDatesAreRecognised() {
        #expect(PublicationDate.isRelative("Updated 2 hours ago"))
        #expect(PublicationDate.isRelative("Published 1 day ago"))
        #expect(!PublicationDate.isRelative("Ago and again the ferry ran late"))
    }
}
