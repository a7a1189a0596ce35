import Foundation
import Testing
@testable import StandoffCore

@Suite("Text bytes")
struct TextBytesTests {
    static let texts = [
        "", "plain ascii", "MiXeD Case 123", "Kim’s “plan” — ça va", "Straße ÉTÉ İstanbul ΣΟΦΙΑ",
        "👍🏽 emoji THEN ASCII", "ǅ titlecase and Ⅻ roman", "\u{212A}elvin sign", "tab\tand\u{00A0}nbsp",
    ]

    @Test(arguments: texts)
    func lowercasedMatchesTheStandardLibrary(_ text: String) {
        #expect(Array(TextBytes.lowercased(text).utf8) == Array(text.lowercased().utf8))
    }

    /// The fast path copies scalars that do not change when lower-cased; their mapping must be
    /// themselves for the result to equal `lowercased()`.
    @Test func scalarsThatDoNotChangeMapToThemselves() {
        var mismatches: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.changesWhenLowercased else { continue }
            if scalar.properties.lowercaseMapping.unicodeScalars.elementsEqual([scalar]) == false { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { String($0, radix: 16) })")
    }

    @Test(arguments: ["", "one", "a\nb", "\n\nx\n", "crlf\r\nstays\rone", "👍🏽\n\u{00A0}\n é\u{0301}", "\r\n", "\n\u{0301}accent after LF"])
    func linesMatchTheCharacterSplit(_ text: String) {
        #expect(TextBytes.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test(arguments: [("plain ASCII", true), ("Kim’s “plan” — €5 👍🏽 à la carte", true), ("e\u{0301}", false), ("\u{2126} ohm", false),
                      ("\u{2000} en quad", false), ("日本", false), ("Ελλάδα", false)])
    func quickCheckFindsNFCText(_ text: String, _ known: Bool) {
        #expect(TextBytes.isNFCByQuickCheck(Array(text.utf8)) == known)
    }

    /// Every scalar the quick check lets through is left alone by NFC and has combining class 0,
    /// and no character decomposes into something followed by it (so nothing composes with it).
    @Test func nfcStableScalarsAreStable() {
        var unstable: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), TextBytes.isNFCStable(scalar) else { continue }
            let text = String(scalar)
            if text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar]) == false
                || scalar.properties.canonicalCombiningClass != .notReordered {
                unstable.append(value)
            }
        }
        #expect(unstable.isEmpty, "\(unstable.prefix(10).map { String($0, radix: 16) })")
        var composing: [UInt32] = []
        for value in UInt32(0xC0)..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst()
            if parts.contains(where: TextBytes.isNFCStable) { composing.append(value) }
        }
        #expect(composing.isEmpty, "\(composing.prefix(10).map { String($0, radix: 16) })")
    }

    /// The white-space list is the Unicode property, for every scalar.
    @Test func whitespaceListIsTheUnicodeProperty() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextBytes.isWhitespace(scalar) != scalar.properties.isWhitespace { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { String($0, radix: 16) })")
    }
}

@Suite("Scalar offsets")
struct ScalarOffsetsTests {
    static let texts = ["", "Talks resumed.", "Kim’s plan 👍🏽 failed.", "é\u{0301} combining", "👍🏽"]

    @Test(arguments: texts)
    func slicesMatchTheUnicodeScalarView(_ text: String) {
        let offsets = ScalarOffsets(text)
        let scalars = Array(text.unicodeScalars)
        #expect(offsets.count == scalars.count)
        #expect(offsets.isASCII == text.utf8.allSatisfy { $0 < 0x80 })
        for start in 0...scalars.count {
            for end in start...scalars.count {
                let expected = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(offsets.string(start..<end) == expected)
                #expect(offsets.slice(start..<end, equals: expected))
                #expect(!offsets.slice(start..<end, equals: expected + "x"))
            }
            if start < scalars.count { #expect(offsets.scalar(at: start) == scalars[start]) }
        }
    }

    @Test func comparesCodePointsNotCanonicalEquivalence() {
        let offsets = ScalarOffsets("café")
        #expect(!offsets.slice(0..<4, equals: "cafe\u{0301}"))
        #expect(offsets.slice(0..<4, equals: "café"))
    }

    @Test func findsTheFirstNonWhitespace() {
        let text = ScalarOffsets(" \u{00A0}\n👍🏽 x")
        #expect(text.firstNonWhitespace(in: 0..<text.count) == 3)
        #expect(text.firstNonWhitespace(in: 0..<3) == nil)
        #expect(text.firstNonWhitespace(in: 5..<7) == 6)
        let ascii = ScalarOffsets("  ab")
        #expect(ascii.firstNonWhitespace(in: 0..<4) == 2)
        #expect(ascii.firstNonWhitespace(in: 0..<2) == nil)
    }
}
