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
            case let .records(items): line += csvField(JSONValue.array(items).rendered)
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
            case let .records(items): line += JSONValue.array(items).rendered
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
        var hasQuote = false
        for byte in value.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            if byte == 0x22 { hasQuote = true }
        }
        guard needsQuotes else { return value }
        guard hasQuote else { return "\"" + value + "\"" }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` as a JSON string literal (RFC 8259), control characters escaped.
    public static func jsonString(_ value: String) -> String {
        // Work on UTF-8 bytes: only ASCII needs escaping, plus U+2028/U+2029 (E2 80 A8/A9).
        let utf8 = value.utf8
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(utf8.count + 2)
        var iterator = utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = iterator.next() {
            if !pending.isEmpty {
                pending.append(byte)
                if pending.count == 3 {
                    if pending == [0xE2, 0x80, 0xA8] { bytes += Array("\\u2028".utf8) }
                    else if pending == [0xE2, 0x80, 0xA9] { bytes += Array("\\u2029".utf8) }
                    else { bytes += pending }
                    pending.removeAll(keepingCapacity: true)
                } else if pending.count == 2 && byte != 0x80 {
                    bytes += pending
                    pending.removeAll(keepingCapacity: true)
                }
                continue
            }
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0xE2: pending.append(byte)
            case ..<0x20:
                let hex = Array(String(byte, radix: 16).utf8)
                bytes += Array("\\u00".utf8) + (hex.count == 1 ? [0x30] + hex : hex)
            default: bytes.append(byte)
            }
        }
        bytes += pending
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
