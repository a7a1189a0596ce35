/// UTF-8 text being written, as bytes: the encoders append JSON and CSV pieces here and make
/// one `String` per table at the end.
///
/// Appending bytes is much cheaper than growing a `String` piece by piece (each `+=` checks
/// capacity, ASCII-ness and breadcrumbs) or making a `String` per field, which is what
/// dominated encoding time.
public struct UTF8Buffer: Sendable, Equatable {
    /// The bytes written so far; always well-formed UTF-8 between appends.
    public private(set) var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `text` unchanged.
    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a literal, such as `"null"` or `",\""`.
    public mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends one ASCII byte.
    public mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends already-encoded bytes.
    public mutating func append(bytes other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Appends a whole number in decimal, as `String(value)` writes it.
    public mutating func append(integer value: Int) {
        if value < 0 { bytes.append(0x2D) }
        // Magnitude, so Int.min does not overflow.
        var magnitude = value.magnitude
        guard magnitude >= 10 else {
            bytes.append(0x30 + UInt8(magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            while magnitude > 0 {
                scratch[count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(scratch[index]) }
        }
    }

    /// Appends `value` as a JSON string literal (RFC 8259): quotes, backslashes and control
    /// characters escaped, and U+2028 / U+2029 too, since JavaScript reads them as line ends.
    /// Everything else, non-ASCII included, is copied as UTF-8.
    public mutating func append(jsonString value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { source in
            // Copy runs of bytes that need no escape in one go; valid UTF-8 only needs looking
            // at below 0x20, at `"` and `\`, and at E2 (the lead byte of U+2028 and U+2029).
            var runStart = 0
            var index = 0
            let count = source.count
            let base = UnsafeRawPointer(source.baseAddress)
            while index < count {
                // Eight bytes at a time while none of them needs a look.
                if index + 8 <= count, !UTF8Buffer.mayNeedJSONEscape(base!.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = source[index]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
                    index += 1
                    continue
                }
                var escape: StaticString
                var length = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2:
                    guard index + 2 < count, source[index + 1] == 0x80, source[index + 2] == 0xA8 || source[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    escape = source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    escape = ""
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                if escape.utf8CodeUnitCount > 0 {
                    append(escape)
                } else {
                    // Other control characters: \u00XX, lower-case hex.
                    append("\\u00")
                    bytes.append(UTF8Buffer.hexDigit(byte >> 4))
                    bytes.append(UTF8Buffer.hexDigit(byte & 0x0F))
                }
                index += length
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count]))
        }
        bytes.append(0x22)
    }

    /// Appends `value` as an RFC 4180 CSV field: quoted when it holds a comma, a quote, CR or
    /// LF, with quotes doubled.
    public mutating func append(csvField value: String) {
        var value = value
        value.withUTF8 { source in
            var needsQuotes = false
            var hasQuote = false
            // Eight bytes at a time up to the first that may need quoting.
            var start = 0
            if let base = UnsafeRawPointer(source.baseAddress) {
                while start + 8 <= source.count, !UTF8Buffer.mayNeedCSVQuotes(base.loadUnaligned(fromByteOffset: start, as: UInt64.self)) {
                    start += 8
                }
            }
            for byte in source[start...] where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                if byte == 0x22 {
                    hasQuote = true
                    break
                }
            }
            guard needsQuotes else {
                bytes.append(contentsOf: source)
                return
            }
            bytes.append(0x22)
            if hasQuote {
                for byte in source {
                    bytes.append(byte)
                    if byte == 0x22 { bytes.append(0x22) }
                }
            } else {
                bytes.append(contentsOf: source)
            }
            bytes.append(0x22)
        }
    }

    // Word-at-a-time tests (the "has zero byte" trick): each is true when some byte of `word`
    // is one of those named, and may also be true when none is; callers then look byte by byte.
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Some byte is below 0x20, `"`, `\` or 0xE2.
    @inline(__always)
    static func mayNeedJSONEscape(_ word: UInt64) -> Bool {
        // Bytes below 0x20: subtracting 0x20 from each borrows into its high bit.
        (word &- ones &* 0x20) & ~word & highBits != 0
            || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// Some byte is `,`, `"`, LF or CR.
    @inline(__always)
    static func mayNeedCSVQuotes(_ word: UInt64) -> Bool {
        hasZeroByte(word ^ (ones &* 0x2C)) || hasZeroByte(word ^ (ones &* 0x22))
            || hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x0D))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
