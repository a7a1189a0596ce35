import Crypto
import Foundation

/// Decodes a raw file's bytes into normalised text and records the bytes' fingerprint.
///
/// Reads: the raw bytes. Assigns: `sourceSHA256`, `sourceSize`, `rawText`.
/// Decoding is strict: the bytes must be UTF-8 with no NUL byte and not be empty. A leading
/// byte-order mark is dropped, CRLF and lone CR become LF, and the text is normalised to NFC,
/// so the same article saved by different tools gives the same text.
public struct Ingest: Stage {
    public static let description = StageDescription(
        identifier: "ingest",
        summary: "Decode each raw file strictly as UTF-8 (BOM dropped, CRLF/CR to LF, NFC) and record its SHA-256 and size.",
        requires: [.rawBytes],
        assigns: [.rawText],
        examples: [
            StageExample(input: "EF BB BF 'Line one' CR LF 'Line two' CR", output: "\"Line one\\nLine two\\n\""),
            StageExample(input: "'e' U+0301 (e + combining acute)", output: "\"é\" (U+00E9, NFC)"),
            StageExample(input: "bytes 41 FF 42", output: "error: byte 1: not valid UTF-8"),
        ]
    )

    /// Creates the stage; it has no settings.
    public init() {}

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        let bytes = document.rawBytes
        document.sourceSHA256 = SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        document.sourceSize = bytes.count
        document.rawText = try Ingest.decode(bytes, file: document.sourceFile)
        // The decoded text is what later stages use; keeping the bytes too would double memory.
        document.rawBytes = []
    }

    /// Strictly decodes `bytes` as described on the type.
    ///
    /// - Throws: ``StandoffError/emptyFile(file:)``, ``StandoffError/nulByte(file:offset:)`` or
    ///   ``StandoffError/invalidUTF8(file:offset:)`` with the offset of the first bad byte.
    public static func decode(_ bytes: [UInt8], file: String) throws -> String {
        if let offset = bytes.firstIndex(of: 0) {
            throw StandoffError.nulByte(file: file, offset: offset)
        }
        if let offset = firstInvalidUTF8Offset(bytes) {
            throw StandoffError.invalidUTF8(file: file, offset: offset)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard body.contains(where: { !isASCIIWhiteSpace($0) }) else {
            throw StandoffError.emptyFile(file: file)
        }
        let lines = normalisedLineEnds(body)
        var text = String(decoding: lines, as: UTF8.self)
        if !TextBytes.isNFCByQuickCheck(lines) {
            // ASCII, and text whose only other characters are punctuation, Latin letters below
            // U+0300 and the like, is already NFC; only the rest pays for normalisation, which
            // Foundation does slowly on Linux.
            text = text.precomposedStringWithCanonicalMapping
        }
        return text
    }

    /// CRLF and lone CR become LF.
    static func normalisedLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(0x0D) else { return Array(bytes) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            output.append(previousWasCR ? 0x0A : byte)
        }
        return output
    }

    static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// The offset where the first ill-formed UTF-8 sequence starts (as Python reports it)
    /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or `nil`.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for continuation in 1..<length {
                let position = index + continuation
                guard position < count else { return index }
                let byte = bytes[position]
                let (low, high) = continuation == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low && byte <= high else { return index }
            }
            index += length
        }
        return nil
    }
}
