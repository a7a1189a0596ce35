import Foundation

/// Writes table rows as JSON Lines and RFC 4180 CSV, byte for byte the same on every run.
///
/// JSON objects have their keys sorted and non-ASCII text written as UTF-8; CSV rows end in
/// CRLF as RFC 4180 asks, quote a field only when it holds a comma, quote, CR or LF, and join
/// list items with `"; "`. Missing values are JSON `null` and an empty CSV field.
public enum RowEncoding {
    /// The header line of `schema`'s CSV file, CRLF-terminated.
    public static func csvHeader(_ schema: TableSchema) -> String {
        schema.columnNames.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// One CSV record, CRLF-terminated.
    public static func csvRecord(_ row: [Cell]) -> String {
        var line = ""
        for (position, cell) in row.enumerated() {
            if position > 0 { line += "," }
            switch cell {
            case let .string(value): line += csvField(value)
            case let .integer(value): line += String(value)
            case let .list(items): line += csvField(items.joined(separator: "; "))
            case .null: break
            }
        }
        return line + "\r\n"
    }

    /// One JSON object with keys in sorted order, LF-terminated.
    public static func jsonLine(_ row: [Cell], schema: TableSchema) -> String {
        var line = "{"
        for (position, column) in sortedColumns(schema).enumerated() {
            if position > 0 { line += "," }
            line += jsonString(schema.columns[column].name)
            line += ":"
            switch row[column] {
            case let .string(value): line += jsonString(value)
            case let .integer(value): line += String(value)
            case let .list(items): line += "[" + items.map(jsonString).joined(separator: ",") + "]"
            case .null: line += "null"
            }
        }
        return line + "}\n"
    }

    /// Column positions in key order; cached per schema would be faster, but schemas have ten columns.
    static func sortedColumns(_ schema: TableSchema) -> [Int] {
        schema.columns.indices.sorted { schema.columns[$0].name < schema.columns[$1].name }
    }

    /// `value` quoted when it holds a comma, a quote, CR or LF; quotes doubled.
    static func csvField(_ value: String) -> String {
        var needsQuotes = false
        for byte in value.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `value` as a JSON string literal (RFC 8259), control characters escaped.
    public static func jsonString(_ value: String) -> String {
        var output = "\""
        output.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            // Line and paragraph separators are valid JSON but break JavaScript and some line readers.
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
