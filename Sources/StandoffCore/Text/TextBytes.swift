import Foundation

/// Byte-level answers to questions the stages ask of text, equal to what the Unicode-aware
/// `String` and `Unicode.Scalar.Properties` APIs answer but without their per-character cost:
/// most text is ASCII, and the few non-ASCII scalars of news text (curly quotes, dashes) need
/// only a cheap check.
enum TextBytes {
    /// `text.lowercased()`, with ASCII lowered byte by byte; a non-ASCII scalar that changes
    /// when lower-cased sends the whole text through `lowercased()`, so the result is the same.
    static func lowercased(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var hasUpper = false
            for byte in bytes {
                if byte >= 0x80 {
                    hasUpper = true
                    break
                }
                if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            }
            guard hasUpper else { return nil }
            var lowered = [UInt8](repeating: 0, count: bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    lowered[index] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    index += 1
                    continue
                }
                let scalar = ScalarOffsets.decode(bytes, at: index)
                if scalar.properties.changesWhenLowercased { return String(decoding: bytes, as: UTF8.self).lowercased() }
                let length = scalarLength(lead: byte)
                for offset in index..<(index + length) { lowered[offset] = bytes[offset] }
                index += length
            }
            return String(decoding: lowered, as: UTF8.self)
        } ?? text
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, cut at LF bytes rather
    /// than by walking grapheme clusters. As there, an LF after a CR is no cut: "\r\n" is one
    /// `Character`.
    static func lines(_ text: String) -> [Substring] {
        var text = text
        var cuts: [Int] = []
        text.withUTF8 { bytes in
            for offset in bytes.indices where bytes[offset] == 0x0A && (offset == 0 || bytes[offset - 1] != 0x0D) {
                cuts.append(offset)
            }
        }
        let scalars = text.unicodeScalars
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(cuts.count + 1)
        var start = utf8.startIndex
        for cut in cuts {
            let end = utf8.index(utf8.startIndex, offsetBy: cut)
            lines.append(Substring(scalars[start..<end]))
            start = utf8.index(after: end)
        }
        lines.append(Substring(scalars[start...]))
        return lines
    }

    /// Whether NFC leaves `scalar` as it is wherever it stands: it has no canonical decomposition,
    /// canonical combining class 0, and never composes with a character before it. Text made
    /// only of such scalars is NFC already. The list is short and conservative (Latin up to
    /// U+02FF, general punctuation, currency signs, emoji), which covers news text; a test
    /// checks every scalar on it against Foundation's normalisation.
    @inline(__always)
    static func isNFCStable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x300 || (0x2002...0x206F).contains(value) || (0x20A0...0x20CF).contains(value) || (0x1F000...0x1FAFF).contains(value)
    }

    /// Whether the UTF-8 text `bytes` is NFC because every scalar is ``isNFCStable(_:)``; `false`
    /// means only that normalisation has to look.
    static func isNFCByQuickCheck<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        let checked = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                guard isNFCStable(ScalarOffsets.decode(buffer, at: index)) else { return false }
                index += scalarLength(lead: byte)
            }
            return true
        }
        return checked ?? isNFCByQuickCheck(Array(bytes))
    }

    /// The number of bytes of the UTF-8 sequence that `lead` starts.
    @inline(__always)
    static func scalarLength(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Unicode `White_Space`, from a list: the property look-up is a search in tables, and this
    /// runs for every scalar of a line. A test checks the list against the property for every
    /// scalar.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value < 0x1680 { return value == 0x85 || value == 0xA0 }
        switch value {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

extension ScalarOffsets {
    /// The scalar whose well-formed UTF-8 encoding starts at `offset` of `utf8`.
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar {
        let lead = UInt32(utf8[offset])
        let value: UInt32
        switch lead {
        case ..<0x80: value = lead
        case ..<0xE0: value = (lead & 0x1F) << 6 | UInt32(utf8[offset + 1] & 0x3F)
        case ..<0xF0: value = (lead & 0x0F) << 12 | UInt32(utf8[offset + 1] & 0x3F) << 6 | UInt32(utf8[offset + 2] & 0x3F)
        default: value = (lead & 0x07) << 18 | UInt32(utf8[offset + 1] & 0x3F) << 12 | UInt32(utf8[offset + 2] & 0x3F) << 6 | UInt32(utf8[offset + 3] & 0x3F)
        }
        return Unicode.Scalar(value)!
    }
}

extension TextBytes {
    /// The first offset of `needle` in `haystack`, comparing bytes; `nil` when it does not
    /// occur (an empty needle occurs at 0).
    static func offset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first && memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return start }
            start += 1
        }
        return nil
    }
}
