import Foundation

/// Where each code point of a text starts in its UTF-8 bytes, so the dataset's code-point
/// offsets become byte ranges without decoding the text again.
///
/// Slicing a `String` by code points through `unicodeScalars` walks the scalars and builds the
/// slice scalar by scalar; with this table a slice is one copy of bytes and a comparison is one
/// `memcmp`. ASCII text, the common case, needs no table: there code points are bytes.
public struct ScalarOffsets: Sendable {
    /// The text's UTF-8 bytes.
    let utf8: [UInt8]
    /// Number of code points in the text.
    public let count: Int
    /// UTF-8 offset of every code point, then the byte count; `nil` when the text is ASCII.
    private let starts: [Int32]?

    public init(_ text: String) {
        let utf8 = Array(text.utf8)
        var union: UInt8 = 0
        for byte in utf8 { union |= byte }
        if union < 0x80 {
            starts = nil
            count = utf8.count
        } else {
            var starts: [Int32] = []
            starts.reserveCapacity(utf8.count + 1)
            // A code point starts at every byte that is not a continuation byte (10xxxxxx).
            for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(Int32(offset)) }
            count = starts.count
            starts.append(Int32(utf8.count))
            self.starts = starts
        }
        self.utf8 = utf8
    }

    /// Whether every code point is ASCII.
    var isASCII: Bool { starts == nil }

    /// The UTF-8 offset of code point `offset`; `count` gives the byte count.
    @inline(__always)
    func utf8Offset(_ offset: Int) -> Int {
        guard let starts else { return offset }
        return Int(starts[offset])
    }

    /// The UTF-8 byte range of code points `range`.
    @inline(__always)
    func utf8Range(_ range: Range<Int>) -> Range<Int> {
        utf8Offset(range.lowerBound)..<utf8Offset(range.upperBound)
    }

    /// The text of code points `range`.
    public func string(_ range: Range<Int>) -> String {
        let bytes = utf8Range(range)
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
    }

    /// Whether code points `range` are exactly the code points of `other`.
    ///
    /// Compares bytes, which is stricter than `==` on `String` (canonical equivalence): an
    /// offset counts code points, so the code points themselves must match.
    public func slice(_ range: Range<Int>, equals other: String) -> Bool {
        let bytes = utf8Range(range)
        let equal = other.utf8.withContiguousStorageIfAvailable { theirs in
            utf8.withUnsafeBufferPointer { mine in
                theirs.count == bytes.count && (bytes.isEmpty || memcmp(mine.baseAddress! + bytes.lowerBound, theirs.baseAddress!, bytes.count) == 0)
            }
        }
        return equal ?? utf8[bytes].elementsEqual(other.utf8)
    }

    /// The code point at `offset`.
    func scalar(at offset: Int) -> Unicode.Scalar {
        ScalarOffsets.decode(utf8, at: utf8Offset(offset))
    }

    /// The first code point in `range` that is not white space (Unicode `White_Space`), if any.
    func firstNonWhitespace(in range: Range<Int>) -> Int? {
        if isASCII {
            return range.first { !ScalarOffsets.isASCIIWhitespace(utf8[$0]) }
        }
        return range.first { !PageLine.isWhitespace(scalar(at: $0)) }
    }

    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The scalar whose well-formed UTF-8 encoding starts at `offset`.
    static func decode(_ utf8: [UInt8], at offset: Int) -> Unicode.Scalar {
        utf8.withUnsafeBufferPointer { decode($0, at: offset) }
    }
}
