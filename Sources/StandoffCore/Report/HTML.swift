/// Escaping for the HTML report: every string that comes from an article, a rule file or a file
/// name goes through here, so text such as `<script>` shows as text and never becomes markup.
public enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references; safe both as
    /// element content and inside a double- or single-quoted attribute value.
    public static func escape<Text: StringProtocol>(_ text: Text) -> String {
        // Most text holds none of the five characters: one scan, and the copy only when needed.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return String(text) }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `text` as one path segment of a relative link: letters, digits and `-._~` stay, every
    /// other byte is percent-encoded (a document id may hold `#`, `?`, `/` or spaces). The result
    /// still needs ``escape(_:)`` only in theory, as it holds none of the five characters.
    public static func pathSegment(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                output += "%"
                output.unicodeScalars.append(digits[Int(byte >> 4)])
                output.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return output
    }

    /// A CSS class name fragment from a label or type: ASCII letters and digits kept, anything
    /// else `_`, so an unexpected value can neither break out of the attribute nor the selector.
    public static func classFragment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "_"
        }))
    }
}
