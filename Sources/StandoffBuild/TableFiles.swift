import StandoffCore

/// The release's table files, open while documents stream past: `data/<table>.jsonl` and
/// `data/<table>.csv` for every table, CSV headers written first.
final class TableFiles {
    private var files: [(table: String, jsonl: BufferedFile, csv: BufferedFile)] = []

    init(folder: String, tables: [TableSchema]) throws {
        for table in tables {
            let jsonl = try BufferedFile(path: "\(folder)/\(table.name).jsonl")
            let csv = try BufferedFile(path: "\(folder)/\(table.name).csv")
            try csv.write(RowEncoding.csvHeader(table))
            files.append((table.name, jsonl, csv))
        }
    }

    /// Appends a document's encoded rows to every table.
    func append(_ rows: RenderedRows) throws {
        for file in files {
            try file.jsonl.write(bytes: rows.jsonl[file.table] ?? [])
            try file.csv.write(bytes: rows.csv[file.table] ?? [])
        }
    }

    func close() throws {
        for file in files {
            try file.jsonl.close()
            try file.csv.close()
        }
    }
}
