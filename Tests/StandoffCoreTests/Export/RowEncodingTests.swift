import Testing
@testable import StandoffCore

@Suite("Row encoding")
struct RowEncodingTests {
    static let schema = TableSchema(
        name: "t", description: "test",
        columns: [
            .init(name: "zeta", type: .string, nullable: false, description: ""),
            .init(name: "alpha", type: .integer, nullable: false, description: ""),
            .init(name: "list", type: .list, nullable: false, description: ""),
            .init(name: "maybe", type: .string, nullable: true, description: ""),
        ],
        primaryKey: ["zeta"])

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let row: [Cell]
        let json: String
        let csv: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain", row: [.string("a"), .integer(1), .list(["x", "y"]), .null],
             json: #"{"alpha":1,"list":["x","y"],"maybe":null,"zeta":"a"}"# + "\n", csv: "a,1,x; y,\r\n"),
        Case(name: "comma and quote", row: [.string("say \"hi\", then"), .integer(-2), .list([]), .string("")],
             json: #"{"alpha":-2,"list":[],"maybe":"","zeta":"say \"hi\", then"}"# + "\n", csv: "\"say \"\"hi\"\", then\",-2,,\r\n"),
        Case(name: "newlines and tab", row: [.string("a\n\nb\r\tc"), .integer(0), .list(["p, q"]), .null],
             json: #"{"alpha":0,"list":["p, q"],"maybe":null,"zeta":"a\n\nb\r\tc"}"# + "\n", csv: "\"a\n\nb\r\tc\",0,\"p, q\",\r\n"),
        Case(name: "non-ASCII stays UTF-8; control and separators escaped", row: [.string("Kim’s 👍🏽\u{01}\u{2028}"), .integer(3), .list(["é"]), .string("\\")],
             json: "{\"alpha\":3,\"list\":[\"é\"],\"maybe\":\"\\\\\",\"zeta\":\"Kim’s 👍🏽\\u0001\\u2028\"}\n", csv: "Kim’s 👍🏽\u{01}\u{2028},3,é,\\\r\n"),
    ]

    @Test(arguments: cases)
    func encodes(_ testCase: Case) {
        #expect(RowEncoding.jsonLine(testCase.row, schema: Self.schema) == testCase.json)
        #expect(RowEncoding.csvRecord(testCase.row) == testCase.csv)
    }

    @Test func headerFollowsColumnOrder() {
        #expect(RowEncoding.csvHeader(Self.schema) == "zeta,alpha,list,maybe\r\n")
    }

    @Test func everyTableRowMatchesItsSchema() throws {
        var document = Document(id: "d", sourceFile: "raw/d.txt", rawBytes: [])
        document.text = "Hi there."
        document.paragraphs = [Paragraph(text: "Hi there.", start: 0, end: 9, lines: [1])]
        document.sentences = [Sentence(index: 0, paragraph: 0, start: 0, end: 9, text: "Hi there.")]
        document.mentions = [Mention(sentenceIndex: 0, start: 3, end: 8, text: "there", type: "GPE", entityID: "x", entityName: "X", rule: "r")]
        document.stances = [Stance(sentenceIndex: 0, target: "t", label: "favor", holder: "author", rules: ["r"],
                                   cues: [StanceCue(start: 3, end: 8, text: "there", rule: "r", label: "favor")], score: 1)]
        document.removed = [RemovedLine(line: 2, text: "Share", reason: "share-prompt")]
        let tables = DatasetTables(targets: TestRules.ruleSet.stance.targetList)
        for table in tables.all {
            let rows = tables.rows(of: document, in: table)
            #expect(rows.count == 1, "\(table.name)")
            for row in rows {
                #expect(row.count == table.columns.count, "\(table.name)")
                for (cell, column) in zip(row, table.columns) {
                    switch (cell, column.type) {
                    case (.string, .string), (.string, .date), (.integer, .integer), (.list, .list), (.records, .records): break
                    case (.null, _): #expect(column.nullable, "\(table.name).\(column.name)")
                    default: Issue.record("\(table.name).\(column.name) holds \(cell)")
                    }
                }
            }
        }
        #expect(tables.rows(of: document, in: DatasetTables.mentions).first?.first == .string("d-s0000-m00"))
        // The documents table ends with each target's stance: label, then favor, against and none counts (author only).
        #expect(tables.documents.columnNames.suffix(4) == ["japan_dprk_dialogue_stance", "japan_dprk_dialogue_n_favor",
                                                           "japan_dprk_dialogue_n_against", "japan_dprk_dialogue_n_none"])
    }

    @Test func cueListsAreJSONArraysInBothFormats() {
        let schema = DatasetTables.stances
        var document = Document(id: "d", sourceFile: "raw/d.txt", rawBytes: [])
        document.sentences = [Sentence(index: 0, paragraph: 0, start: 0, end: 14, text: "Talks, “yes”.")]
        document.stances = [Stance(sentenceIndex: 0, target: "t", label: "favor", holder: "author", rules: ["a", "b"],
                                   cues: [StanceCue(start: 7, end: 12, text: "“yes”", rule: "a", label: "favor"),
                                          StanceCue(start: 0, end: 5, text: "Talks", rule: "b", label: nil)], score: 2)]
        let row = DatasetTables().rows(of: document, in: schema)[0]
        let cues = #"[{"end":12,"label":"favor","rule":"a","start":7,"text":"“yes”"},{"end":5,"label":null,"rule":"b","start":0,"text":"Talks"}]"#
        #expect(RowEncoding.jsonLine(row, schema: schema).contains(#""cues":\#(cues)"#))
        #expect(RowEncoding.csvRecord(row) == "d-s0000,d,t,favor,author,a; b,rule,\"" + cues.replacingOccurrences(of: "\"", with: "\"\"") + "\",2\r\n")
    }
}
