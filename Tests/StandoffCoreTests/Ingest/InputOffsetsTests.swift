import Testing
@testable import StandoffCore

/// Offsets in decoded text must slice the caller's own input to the same characters.
@Suite("Input offsets")
struct InputOffsetsTests {
    /// Input, a piece of the decoded text, and where that piece starts and ends in the input.
    @Test(arguments: [
        ("A one.\r\nB two.", "B two.", 8, 14),
        ("A one.\nB two.", "B two.", 7, 13),
        ("A one.\rB two.", "B two.", 7, 13),
        ("\u{FEFF}A one. B two.", "B two.", 8, 14),
        ("Caf\u{65}\u{301} one.\r\n\r\nB two.", "B two.", 14, 20),
        ("Caf\u{65}\u{301} one. B two.", "one.", 6, 10),
        ("🙂 A.\r\nB.", "B.", 6, 8),
    ])
    func decodedOffsetsSliceTheInput(_ input: String, _ piece: String, _ start: Int, _ end: Int) throws {
        let bytes = Array(input.utf8)
        let text = try Ingest.decode(bytes, file: "<test>")
        let scalars = Array(text.unicodeScalars)
        let pieceScalars = Array(piece.unicodeScalars)
        let found = try #require((0...(scalars.count - pieceScalars.count)).first { scalars[$0..<($0 + pieceScalars.count)].elementsEqual(pieceScalars) })
        let offsets = InputOffsets(input: bytes)
        #expect(offsets[found] == start)
        #expect(offsets[found + pieceScalars.count] == end)
        let inputScalars = Array(input.unicodeScalars)
        #expect(inputScalars[offsets[found]..<offsets[found + pieceScalars.count]].elementsEqual(pieceScalars))
    }
}
