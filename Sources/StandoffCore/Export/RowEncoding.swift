/// Writes table rows as JSON Lines and RFC 4180 CSV, byte for byte the same on every run.
///
/// JSON objects have their keys sorted and non-ASCII text written as UTF-8; CSV rows end in
/// CRLF as RFC 4180 asks, quote a field only when it holds a comma, quote, CR or LF, and join
/// list items with `"; "`; a list of objects is a JSON array, as JSON text in CSV. Missing values
/// are JSON `null` and an empty CSV field.
public enum RowEncoding {
    /// A table's JSON key order worked out once: column positions sorted by name, each with its
    /// encoded `"name":` prefix, so encoding a row neither sorts nor escapes column names.
    public struct JSONLayout: Sendable {
        /// Column positions in key order, each with the bytes of its key and colon.
        let keys: [(column: Int, prefix: [UInt8])]

        /// The layout of `schema`.
        public init(_ schema: TableSchema) {
            keys = schema.columns.indices.sorted { schema.columns[$0].name < schema.columns[$1].name }.map { column in
                var prefix = UTF8Buffer()
                prefix.append(jsonString: schema.columns[column].name)
                prefix.append(byte: 0x3A)
                return (column, prefix.bytes)
            }
        }
    }

    /// The header line of `schema`'s CSV file, CRLF-terminated.
    public static func csvHeader(_ schema: TableSchema) -> String {
        schema.columnNames.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// One CSV record, CRLF-terminated.
    public static func csvRecord(_ row: [Cell]) -> String {
        var buffer = UTF8Buffer()
        appendCSVRecord(row, to: &buffer)
        return buffer.string
    }

    /// Appends one CSV record, CRLF-terminated.
    public static func appendCSVRecord(_ row: [Cell], to buffer: inout UTF8Buffer) {
        for (position, cell) in row.enumerated() {
            if position > 0 { buffer.append(byte: 0x2C) }
            switch cell {
            case let .string(value): buffer.append(csvField: value)
            case let .integer(value): buffer.append(integer: value)
            case let .list(items): buffer.append(csvField: items.joined(separator: "; "))
            case let .records(items): buffer.append(csvField: JSONValue.array(items).rendered)
            case .null: break
            }
        }
        buffer.append("\r\n")
    }

    /// One JSON object with keys in sorted order, LF-terminated.
    public static func jsonLine(_ row: [Cell], schema: TableSchema) -> String {
        var buffer = UTF8Buffer()
        appendJSONLine(row, layout: JSONLayout(schema), to: &buffer)
        return buffer.string
    }

    /// Appends one JSON object with keys in `layout`'s (sorted) order, LF-terminated.
    public static func appendJSONLine(_ row: [Cell], layout: JSONLayout, to buffer: inout UTF8Buffer) {
        buffer.append(byte: 0x7B)
        for (position, key) in layout.keys.enumerated() {
            if position > 0 { buffer.append(byte: 0x2C) }
            buffer.append(bytes: key.prefix)
            switch row[key.column] {
            case let .string(value): buffer.append(jsonString: value)
            case let .integer(value): buffer.append(integer: value)
            case let .list(items):
                buffer.append(byte: 0x5B)
                for (index, item) in items.enumerated() {
                    if index > 0 { buffer.append(byte: 0x2C) }
                    buffer.append(jsonString: item)
                }
                buffer.append(byte: 0x5D)
            case let .records(items): JSONValue.array(items).render(into: &buffer)
            case .null: buffer.append("null")
            }
        }
        buffer.append("}\n")
    }

    /// `value` quoted when it holds a comma, a quote, CR or LF; quotes doubled.
    static func csvField(_ value: String) -> String {
        var buffer = UTF8Buffer()
        buffer.append(csvField: value)
        return buffer.string
    }

    /// `value` as a JSON string literal (RFC 8259), control characters escaped.
    public static func jsonString(_ value: String) -> String {
        var buffer = UTF8Buffer(capacity: value.utf8.count + 2)
        buffer.append(jsonString: value)
        return buffer.string
    }
}
