import Testing
@testable import StandoffCore

@Suite("BylineReader")
struct BylineReaderTests {
    static let bylines: [(String, [String])] = [
        ("Ana Lima", ["Ana Lima"]),
        ("Ana Lima and Joe Park", ["Ana Lima", "Joe Park"]),
        ("Ana Lima, Joe Park, and Li Wei", ["Ana Lima", "Joe Park", "Li Wei"]),
        ("Ana Lima, Example Wire", ["Ana Lima", "Example Wire"]),
        ("Ana Lima, Reuters", ["Ana Lima"]),
        ("Reuters", []),
        ("Ana Lima (ana@example.org)", ["Ana Lima"]),
        ("Ana Lima @analima Nov 3, 2025, 7:53pm EST", ["Ana Lima"]),
        ("Ana Lima in Lisbon and Joe Park in Seoul; Editing by Li Wei", ["Ana Lima", "Joe Park"]),
        ("Ana Lima | Photographs by Joe Park", ["Ana Lima"]),
        ("Ana Lima - Example Contributor 2025-01-02", ["Ana Lima"]),
        ("Maria da Silva", ["Maria da Silva"]),
        ("Ana Lima, a former port reporter, and Joe Park, who covers shipping", ["Ana Lima", "Joe Park"]),
    ]

    @Test(arguments: bylines)
    func readsNames(_ example: (String, [String])) {
        #expect(BylineReader.names(in: example.0) == example.1, "\(example.0)")
    }

    static let nameLines: [(String, [String])] = [
        ("Ana Lima (now) and Joe Park in Seoul (earlier)", ["Ana Lima", "Joe Park"]),
        ("Ana Lima", ["Ana Lima"]),
        ("Share this story", []),
        ("Associated Press", []),
        ("Monday March 3", []),
    ]

    @Test(arguments: nameLines)
    func readsNameLines(_ example: (String, [String])) {
        #expect(BylineReader.nameLine(example.0) == example.1, "\(example.0)")
    }

    static let holders: [(String, String?)] = [
        ("© 2025 Example Media Ltd. All rights reserved.", "Example Media"),
        ("Copyright © 2024 The Harbour Gazette, All rights reserved.", "The Harbour Gazette"),
        ("About · Terms · © 2019-2025 Port Review Inc. All rights reserved.", "Port Review"),
        ("© 2025 Harbour Monitor · Terms of use", "Harbour Monitor"),
        ("All rights reserved.", nil),
    ]

    @Test(arguments: holders)
    func readsCopyrightHolders(_ example: (String, String?)) {
        #expect(MetadataCollector.copyrightHolder(example.0) == example.1, "\(example.0)")
    }

    static let titles: [(String, String, String?)] = [
        ("Port Deal Rejected After Long Debate | The Harbour Gazette", "Port Deal Rejected After Long Debate", "The Harbour Gazette"),
        ("Opinion | Why the Port Deal Should Be Rejected - The Harbour Gazette", "Opinion | Why the Port Deal Should Be Rejected", "The Harbour Gazette"),
        ("Port Deal Rejected | Politics | News | Gazette", "Port Deal Rejected", "Politics | News | Gazette"),
        ("The Port Deal Is Back — And Nobody Likes It - Gazette", "The Port Deal Is Back — And Nobody Likes It", "Gazette"),
        ("The ferry – a history of the harbour crossing and its boats", "The ferry – a history of the harbour crossing and its boats", nil),
    ]

    @Test(arguments: titles)
    func splitsSiteSuffix(_ example: (String, String, String?)) {
        let (title, suffix) = HeadlineFinder.splitSiteSuffix(example.0)
        #expect(title == example.1)
        #expect((suffix != nil) == (example.2 != nil))
    }
}
