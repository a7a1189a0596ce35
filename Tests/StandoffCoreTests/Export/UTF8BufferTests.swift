import Testing
@testable import StandoffCore

@Suite("UTF-8 buffer")
struct UTF8BufferTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let json: String
        let csv: String
        var testDescription: String { input.debugDescription }
    }

    static let cases: [Case] = [
        Case(input: "", json: #""""#, csv: ""),
        Case(input: "plain", json: #""plain""#, csv: "plain"),
        Case(input: "say \"hi\", then", json: #""say \"hi\", then""#, csv: #""say ""hi"", then""#),
        Case(input: "a,b", json: #""a,b""#, csv: #""a,b""#),
        Case(input: "back\\slash", json: #""back\\slash""#, csv: "back\\slash"),
        Case(input: "a\n\nb\r\tc", json: #""a\n\nb\r\tc""#, csv: "\"a\n\nb\r\tc\""),
        Case(input: "\u{01}\u{1F}", json: #""\u0001\u001f""#, csv: "\u{01}\u{1F}"),
        Case(input: "Kim’s 👍🏽 — “ok”", json: "\"Kim’s 👍🏽 — “ok”\"", csv: "Kim’s 👍🏽 — “ok”"),
        Case(input: "line\u{2028}para\u{2029}end", json: #""line\u2028para\u2029end""#, csv: "line\u{2028}para\u{2029}end"),
        Case(input: "\u{2026}\u{20AC}\u{E2}", json: "\"\u{2026}\u{20AC}\u{E2}\"", csv: "\u{2026}\u{20AC}\u{E2}"),
    ]

    @Test(arguments: cases)
    func escapes(_ testCase: Case) {
        var json = UTF8Buffer()
        json.append(jsonString: testCase.input)
        #expect(json.string == testCase.json)
        var csv = UTF8Buffer()
        csv.append(csvField: testCase.input)
        #expect(csv.string == testCase.csv)
    }

    @Test(arguments: [0, 7, 10, -1, -42, 1234567890, Int.max, Int.min])
    func writesIntegersAsStringDoes(_ value: Int) {
        var buffer = UTF8Buffer()
        buffer.append(integer: value)
        #expect(buffer.string == String(value))
    }
}
