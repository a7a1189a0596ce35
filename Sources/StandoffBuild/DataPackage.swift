import Foundation
import StandoffCore

/// `datapackage.json`: a Frictionless Data Package (v2) that describes every table, as CSV and as
/// JSON Lines, with a Table Schema, so frictionless, R's `frictionless` package and other
/// catalogue tools can load and check the release without reading Standoff's code.
///
/// Each table is two resources with one schema: `<table>` (`data/<table>.csv`, the one foreign
/// keys and most tools use) and `<table>-jsonl` (`data/<table>.jsonl`).
struct DataPackage {
    let manifest: DatasetManifest
    let summary: CorpusSummary
    /// The tables and their schemas.
    let tables: DatasetTables
    /// The files under `data/`, hashed.
    let dataFiles: [ReleaseFile]
    /// SHA-256 over the rule files, so a release records which rules made it.
    let rulesFingerprint: String
    /// The commit the release was built from.
    var sourceCommit = SourceCommit.unknown

    /// The Data Package v2 profile; only the root declares it (resources, dialects and schemas inherit it).
    static let profile = "https://datapackage.org/profiles/2.0/datapackage.json"
    /// How a `list` column's items are joined in CSV.
    static let listDelimiter = "; "

    /// The content fingerprint of the data files.
    var fingerprint: String { ReleaseFile.fingerprint(dataFiles) }

    /// Foreign keys between tables: each row's parent must exist.
    static let foreignKeys: [String: [(field: String, resource: String)]] = [
        "sentences": [("doc_id", "documents")],
        "mentions": [("doc_id", "documents"), ("sentence_id", "sentences")],
        "stances": [("doc_id", "documents"), ("sentence_id", "sentences")],
        "removed": [("doc_id", "documents")],
    ]

    /// A table's two files.
    enum FileFormat: CaseIterable {
        case csv, jsonl

        var fileExtension: String { self == .csv ? "csv" : "jsonl" }
        /// The resource name of `table` in this format.
        func resourceName(_ table: String) -> String { self == .csv ? table : table + "-jsonl" }
    }

    /// The package as pretty-printed JSON with sorted keys.
    var json: String {
        let resources: [[String: Any]] = FileFormat.allCases.flatMap { format in tables.all.map { resource($0, format: format) } }
        let package: [String: Any] = [
            "$schema": Self.profile,
            "name": manifest.name,
            "title": manifest.title,
            "description": manifest.description + " Every table is in data/<table>.csv (resource <table>) and data/<table>.jsonl (resource <table>-jsonl) with identical content.",
            "version": manifest.version,
            "created": manifest.released + "T00:00:00Z",
            "keywords": manifest.keywords,
            "licenses": [DataPackage.license(manifest.license, note: manifest.licenseNote)],
            "contributors": manifest.creators.map { ["title": $0, "roles": ["creator"]] },
            "sources": sources,
            "resources": resources,
            "standoff": [
                "fingerprint": "sha256:" + fingerprint,
                "rules_sha256": rulesFingerprint,
                "source_commit": sourceCommit.description,
                "note": "fingerprint = SHA-256 over '<sha256>  <path>\\n' of every file under data/, in path order; source_commit = the git commit the release was built from ('-dirty': with uncommitted changes; 'unknown': not built from a git checkout)",
                // Size and hash of every data file, JSONL included: what `standoff diff` checks
                // the tables it reads against, and sizes its read caps by.
                "files": Dictionary(uniqueKeysWithValues: dataFiles.map { ($0.path, ["bytes": $0.bytes, "sha256": $0.sha256] as [String: Any]) }),
            ],
        ]
        let data = try! JSONSerialization.data(withJSONObject: package, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One source per article (publication, title, date); for corpora larger than the card lists,
    /// one per publication with its number of articles, as the documents table has every article.
    var sources: [[String: Any]] {
        if summary.documents.count <= DatasetCard.documentLimit {
            return summary.documents.map { document in
                ["title": [document.publication, document.title ?? document.id, document.published].compactMap { $0 }.joined(separator: ", ")]
            }
        }
        var articles: [String: Int] = [:]
        for document in summary.documents { articles[document.publication ?? "publication not stated", default: 0] += 1 }
        return articles.sorted { $0.key < $1.key }.map { ["title": "\($0.key) (\($0.value) articles; each in data/documents.csv)"] }
    }

    /// A column as a Table Schema field.
    ///
    /// A column that may not be missing is `required` and has no missing values of its own, so an
    /// empty CSV field there is a value (an empty list of authors, an empty text), never null.
    static func field(_ column: TableSchema.Column) -> [String: Any] {
        var field: [String: Any] = ["name": column.name, "description": column.description]
        switch column.type {
        case .string: field["type"] = "string"
        case .integer: field["type"] = "integer"
        case .date: field["type"] = "date"
        case .list:
            field["type"] = "list"
            field["itemType"] = "string"
            field["delimiter"] = listDelimiter
            field["description"] = column.description + " In CSV the items are joined by '\(listDelimiter)' (an empty field is an empty list); in JSONL this is an array."
        case .records:
            field["type"] = "array"
            field["description"] = column.description + " In CSV this is the array as compact JSON text; in JSONL it is the array itself."
        }
        if let categories = column.categories {
            field["categories"] = categories
        }
        if !column.nullable {
            field["constraints"] = ["required": true]
            field["missingValues"] = [String]()
        }
        return field
    }

    /// A table's CSV or JSONL file as a tabular data resource.
    func resource(_ table: TableSchema, format: FileFormat) -> [String: Any] {
        let path = "data/\(table.name).\(format.fileExtension)"
        var schema: [String: Any] = ["fields": table.columns.map(Self.field), "primaryKey": table.primaryKey, "missingValues": [""]]
        if let keys = DataPackage.foreignKeys[table.name] {
            schema["foreignKeys"] = keys.map { ["fields": [$0.field], "reference": ["resource": format.resourceName($0.resource), "fields": [$0.field]]] }
        }
        var resource: [String: Any] = [
            "name": format.resourceName(table.name),
            "type": "table",
            "path": path,
            "description": table.description,
            "encoding": "utf-8",
            "schema": schema,
        ]
        switch format {
        case .csv:
            resource["format"] = "csv"
            resource["mediatype"] = "text/csv"
            resource["dialect"] = ["delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true]
        case .jsonl:
            resource["format"] = "jsonl"
            resource["mediatype"] = "application/jsonlines"
            // One object per line with sorted keys: fields are matched by name, not position.
            schema["fieldsMatch"] = "equal"
            resource["schema"] = schema
        }
        if let file = dataFiles.first(where: { $0.path == path }) {
            resource["bytes"] = file.bytes
            resource["hash"] = "sha256:" + file.sha256
        }
        return resource
    }

    /// A licence entry with the canonical URL for the common SPDX ids, its title saying what it
    /// covers (`note`).
    static func license(_ spdx: String, note: String) -> [String: String] {
        let known = [
            "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0"),
            "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
            "ODC-By-1.0": ("https://opendatacommons.org/licenses/by/1-0/", "Open Data Commons Attribution License 1.0"),
        ]
        guard let (path, title) = known[spdx] else { return ["name": spdx, "title": note] }
        return ["name": spdx, "path": path, "title": "\(title). \(note)"]
    }
}
