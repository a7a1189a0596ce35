import Testing
@testable import StandoffCore

@Suite("Page line")
struct PageLineTests {
    /// Folding as first written, scalar by scalar: the byte-level version must agree with it.
    static func referenceFold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if scalar == "\u{200B}" || scalar == "\u{2060}" || scalar == "\u{FEFF}" || scalar == "\u{00AD}" { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    static let lines = [
        "", " ", "plain line", "  leading and trailing  ", "tabs\tand\u{0B}vertical", "a\u{00A0}\u{00A0}b", "\u{2003}em space\u{3000}",
        "zero\u{200B}width", "soft\u{00AD}hyphen", "\u{FEFF}bom", "Kim’s 👍🏽 plan", "👍🏽", " 👍🏽 ", "a \u{200B} b", "\u{200B}", "x\u{2028}y", "é\u{0301}",
    ]

    @Test(arguments: lines)
    func foldsAsTheScalarVersion(_ line: String) {
        let folded = PageLine.fold(line)
        #expect(Array(folded.utf8) == Array(Self.referenceFold(line).utf8))
        #expect(PageLine.isBlank(line) == folded.isEmpty)
        #expect(PageLine(number: 1, raw: Substring(line)).lowered == folded.lowercased())
    }

    @Test(arguments: ["Word", "3 items", "; é", "👍🏽 x", "ß"])
    func hasText(_ line: String) {
        #expect(PageLine.hasText(line))
    }

    @Test(arguments: ["", ";", "👍🏽 —", "… !"])
    func hasNoText(_ line: String) {
        #expect(!PageLine.hasText(line))
    }

    @Test(arguments: [("and then", true), ("And then", false), ("“and", true), ("— élan", true), ("Élan", false), ("123 go", true), ("👍🏽", false)])
    func startsLowercase(_ line: String, _ expected: Bool) {
        #expect(PageLine.startsLowercase(line) == expected)
    }

    @Test(arguments: [("one two three", 3), ("", 0), ("Kim’s 👍🏽 plan", 3), ("港の再開発計画", 4), ("市長は Tokyo で", 3), ("— |", 2)])
    func wordCount(_ line: String, _ expected: Int) {
        #expect(PageLine.wordCount(line) == expected)
    }

    @Test(arguments: [("It ended.", true), ("It ended", false), ("採決する予定です。", true), ("本当ですか？」", true), ("“Yes.”", true), ("Key points:", false)])
    func endsSentence(_ line: String, _ expected: Bool) {
        #expect(PageLine.endsSentence(line) == expected)
    }

    @Test(arguments: [("* Home", "* Home", true), ("+ iPad", "    + iPad", true), ("• News", "  • News", true), ("o Sport", "      o Sport", true),
                      ("o presidente disse", "o presidente disse", false), ("1. First point", "1. First point", true), ("12) Item", "12) Item", true),
                      ("2019 was a year", "2019 was a year", false), ("-5 degrees", "-5 degrees", false), ("*", "*", false)])
    func listItem(_ folded: String, _ raw: String, _ expected: Bool) {
        #expect(PageLine.isListItem(folded: folded, raw: raw) == expected)
    }

    @Test(arguments: [("abc", 3), ("한국어", 6), ("日本", 4), ("ａ", 2), ("é", 1)])
    func displayWidth(_ text: String, _ expected: Int) {
        #expect(PageLine.displayWidth(text) == expected)
    }
}
