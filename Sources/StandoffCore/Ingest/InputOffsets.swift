import Foundation

/// Maps code-point offsets in decoded text back to the input as it was given, before ingest
/// dropped a byte-order mark, turned CRLF and lone CR into LF and normalised to NFC: what a
/// caller needs to slice their own copy of the input.
///
/// Example: input `"A one.\r\nB two."` decodes to `"A one.\nB two."`; offset 7 there (`B`) is 8
/// in the input.
public struct InputOffsets: Sendable, Equatable {
    /// Input offset of each decoded code point, and one more entry for the end.
    private let table: [Int]

    /// Builds the map for `bytes`, which must be valid UTF-8 (as ``Ingest/decode(_:file:)`` checks).
    public init(input bytes: [UInt8]) {
        let input = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var table: [Int] = []
        table.reserveCapacity(input.count + 1)
        var index = input.first == "\u{FEFF}" ? 1 : 0
        while index < input.count {
            if input[index] == "\r" || input[index] == "\n" {
                table.append(index)
                index += input[index] == "\r" && index + 1 < input.count && input[index + 1] == "\n" ? 2 : 1
                continue
            }
            var end = index
            while end < input.count && input[end] != "\r" && input[end] != "\n" { end += 1 }
            table += InputOffsets.lineOffsets(input[index..<end], base: index)
            index = end
        }
        table.append(input.count)
        self.table = table
    }

    /// The input offset of decoded offset `offset` (clamped to the text).
    public subscript(offset: Int) -> Int {
        table[max(0, min(offset, table.count - 1))]
    }

    /// Input offsets of one line's NFC code points. NFC never combines across a line end, so a
    /// line is normalised on its own; an unchanged line (nearly all) maps one to one, and in a
    /// changed one each code point maps to where the shortest input prefix producing it ends.
    static func lineOffsets(_ line: ArraySlice<Unicode.Scalar>, base: Int) -> [Int] {
        func nfc(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return Array(String(view).precomposedStringWithCanonicalMapping.unicodeScalars)
        }
        let normalised = nfc(line)
        if normalised.elementsEqual(line) { return Array(line.indices) }
        let lengths = (0...line.count).map { nfc(line.prefix($0)).count }
        return (0..<normalised.count).map { position in
            base + (lengths.lastIndex { $0 <= position } ?? 0)
        }
    }
}
