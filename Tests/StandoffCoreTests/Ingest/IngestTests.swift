import Testing
@testable import StandoffCore

@Suite("Ingest")
struct IngestTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let text: String
        var testDescription: String { name }
    }

    static let decoded: [Case] = [
        Case(name: "plain ASCII", bytes: Array("Talks resumed.\n".utf8), text: "Talks resumed.\n"),
        Case(name: "byte-order mark dropped", bytes: [0xEF, 0xBB, 0xBF] + Array("Hi".utf8), text: "Hi"),
        Case(name: "CRLF to LF", bytes: Array("a\r\nb\r\n".utf8), text: "a\nb\n"),
        Case(name: "lone CR to LF", bytes: Array("a\rb\r\rc".utf8), text: "a\nb\n\nc"),
        Case(name: "NFC: e + combining acute", bytes: Array("Cafe\u{0301}".utf8), text: "Caf\u{00E9}"),
        Case(name: "Hangul jamo compose", bytes: Array("\u{1100}\u{1161}".utf8), text: "\u{AC00}"),
        Case(name: "four-byte scalar kept", bytes: Array("👍🏽 ok".utf8), text: "👍🏽 ok"),
    ]

    @Test(arguments: decoded)
    func decodes(_ testCase: Case) throws {
        #expect(try Ingest.decode(testCase.bytes, file: "f.txt") == testCase.text)
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let error: StandoffError
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "invalid byte", bytes: [0x41, 0xFF, 0x42], error: .invalidUTF8(file: "f.txt", offset: 1)),
        Failure(name: "truncated sequence at end", bytes: Array("ab".utf8) + [0xE2, 0x80], error: .invalidUTF8(file: "f.txt", offset: 2)),
        Failure(name: "overlong encoding", bytes: [0x41, 0xC0, 0xAF], error: .invalidUTF8(file: "f.txt", offset: 1)),
        Failure(name: "UTF-16 surrogate", bytes: [0x41, 0x42, 0xED, 0xA0, 0x80], error: .invalidUTF8(file: "f.txt", offset: 2)),
        Failure(name: "Latin-1 text", bytes: Array("caf".utf8) + [0xE9], error: .invalidUTF8(file: "f.txt", offset: 3)),
        Failure(name: "NUL byte (binary)", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00], error: .nulByte(file: "f.txt", offset: 4)),
        Failure(name: "empty", bytes: [], error: .emptyFile(file: "f.txt")),
        Failure(name: "only white space and BOM", bytes: [0xEF, 0xBB, 0xBF, 0x20, 0x0A], error: .emptyFile(file: "f.txt")),
    ]

    @Test(arguments: failures)
    func rejects(_ failure: Failure) {
        #expect(throws: failure.error) { try Ingest.decode(failure.bytes, file: "f.txt") }
    }

    @Test func recordsHashAndSizeAndReleasesBytes() throws {
        var document = Document(id: "d", sourceFile: "raw/d.txt", rawBytes: Array("abc".utf8))
        var diagnostics: [Diagnostic] = []
        try Ingest().apply(to: &document, diagnostics: &diagnostics)
        // SHA-256("abc"), the FIPS 180-2 test vector.
        #expect(document.sourceSHA256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(document.sourceSize == 3)
        #expect(document.rawBytes.isEmpty)
        #expect(diagnostics.isEmpty)
    }

    @Test func errorMessagesNameFileAndOffset() {
        let message = StandoffError.invalidUTF8(file: "raw/x.txt", offset: 17).description
        #expect(message.hasPrefix("raw/x.txt: byte 17:"))
    }
}
