import Foundation
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

    /// Escaping byte by byte, as first written: the word-at-a-time scan must find every
    /// special byte wherever it falls in an eight-byte word.
    static func referenceJSON(_ value: String) -> String {
        var output = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            case _ where scalar.value < 0x20: output += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    @Test(arguments: ["\"", "\\", "\n", "\u{01}", "\u{1F}", "’", "\u{2028}", "\u{2029}", ",", "\r", "👍🏽", "\u{7F}", " "])
    func specialCharactersAtEveryPosition(_ special: String) {
        for position in 0..<20 {
            for tail in [0, 1, 7, 8, 13] {
                let text = String(repeating: "a", count: position) + special + String(repeating: "b", count: tail)
                var json = UTF8Buffer()
                json.append(jsonString: text)
                #expect(json.string == Self.referenceJSON(text), "\(position) \(tail)")
                var csv = UTF8Buffer()
                csv.append(csvField: text)
                let quoted = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                #expect(csv.string == (quoted ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text), "\(position) \(tail)")
            }
        }
    }
}
