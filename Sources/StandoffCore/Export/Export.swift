/// Encodes a validated document's rows in every table as JSON Lines and CSV.
///
/// Reads: everything a row holds, and the `validated` mark. Assigns: `rendered`.
/// Encoding happens per document so documents can be encoded in parallel and cached; the
/// build step only appends the encoded rows to the files, in document order.
public struct Export: Stage {
    public static let description = StageDescription(
        identifier: "export",
        summary: "Encode the document's rows in the documents, sentences, mentions, stances and removed tables as JSONL and CSV, and its annotation snapshot lines.",
        requires: [.validated],
        assigns: [.rendered],
        examples: [
            StageExample(input: "sentence 0 of document d1: \"Talks resumed.\" at 0..<14",
                         output: "{\"doc_id\":\"d1\",\"end\":14,\"index\":0,\"paragraph\":0,\"sentence_id\":\"d1-s0000\",\"start\":0,\"text\":\"Talks resumed.\"}"),
        ]
    )

    /// The tables to encode.
    public let tables: DatasetTables

    /// Whether the annotation snapshot lines are encoded too; a build that does not refresh the
    /// snapshot need not pay for them.
    public let snapshot: Bool

    /// Each table's JSON key order, worked out once rather than per row.
    let layouts: [RowEncoding.JSONLayout]

    /// Creates the stage for `tables` (by default, the tables without stance targets).
    public init(tables: DatasetTables = DatasetTables(), snapshot: Bool = true) {
        self.tables = tables
        self.snapshot = snapshot
        self.layouts = tables.all.map(RowEncoding.JSONLayout.init)
    }

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        var rendered = RenderedRows()
        for (table, layout) in zip(tables.all, layouts) {
            let rows = tables.rows(of: document, in: table)
            var jsonl = UTF8Buffer(capacity: 256 * rows.count)
            var csv = UTF8Buffer(capacity: 192 * rows.count)
            for row in rows {
                RowEncoding.appendJSONLine(row, layout: layout, to: &jsonl)
                RowEncoding.appendCSVRecord(row, to: &csv)
            }
            rendered.jsonl[table.name] = jsonl.bytes
            rendered.csv[table.name] = csv.bytes
            rendered.rowCounts[table.name] = rows.count
        }
        if snapshot { rendered.snapshot = SnapshotEncoding.encode(document, targets: tables.targets.map(\.id)) }
        document.rendered = rendered
    }
}
