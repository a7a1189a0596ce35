import StandoffCore

/// The release's table files, open while documents stream past: `data/<table>.jsonl` and
/// `data/<table>.csv` for every table, CSV headers written first.
final class TableFiles {
    private var files: [(table: String, jsonl: BufferedFile, csv: BufferedFile)] = []

    init(folder: String, tables: [TableSchema]) throws {
        for table in tables {
            let jsonl = try BufferedFile(path: "\(folder)/\(table.name).jsonl")
            let csv = try BufferedFile(path: "\(folder)/\(table.name).csv")
            jsonl.hashWrites()
            csv.hashWrites()
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

    /// Closes every table and lists them as release files under `data/`, sorted by path, with
    /// sizes and hashes taken as they were written.
    func close() throws -> [ReleaseFile] {
        var written: [ReleaseFile] = []
        for file in files {
            for (output, suffix) in [(file.jsonl, "jsonl"), (file.csv, "csv")] {
                try output.close()
                written.append(ReleaseFile(path: "data/\(file.table).\(suffix)", bytes: output.written, sha256: output.sha256 ?? ""))
            }
        }
        return written.sorted { $0.path < $1.path }
    }
}
