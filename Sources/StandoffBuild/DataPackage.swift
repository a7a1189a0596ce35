import Foundation
import StandoffCore

/// `datapackage.json`: a Frictionless Data Package (v1, `tabular-data-package` profile) that
/// describes every CSV table with a Table Schema, so frictionless, R's `frictionless` package
/// and other catalogue tools can load and check the release without reading Standoff's code.
struct DataPackage {
    let manifest: DatasetManifest
    let summary: CorpusSummary
    /// The tables and their schemas.
    let tables: DatasetTables
    /// The files under `data/`, hashed.
    let dataFiles: [ReleaseFile]
    /// SHA-256 over the rule files, so a release records which rules made it.
    let rulesFingerprint: String

    /// The content fingerprint of the data files.
    var fingerprint: String { ReleaseFile.fingerprint(dataFiles) }

    /// Foreign keys between tables: each row's parent must exist.
    static let foreignKeys: [String: [(field: String, resource: String)]] = [
        "sentences": [("doc_id", "documents")],
        "mentions": [("doc_id", "documents"), ("sentence_id", "sentences")],
        "stances": [("doc_id", "documents"), ("sentence_id", "sentences")],
        "removed": [("doc_id", "documents")],
    ]

    /// The package as pretty-printed JSON with sorted keys.
    var json: String {
        let resources: [[String: Any]] = tables.all.map(resource)
        let package: [String: Any] = [
            "profile": "tabular-data-package",
            "name": manifest.name,
            "title": manifest.title,
            "description": manifest.description + " Every table is also in data/<table>.jsonl with identical content.",
            "version": manifest.version,
            "created": manifest.released + "T00:00:00Z",
            "keywords": manifest.keywords,
            "licenses": [DataPackage.license(manifest.license)],
            "contributors": manifest.creators.map { ["title": $0, "role": "author"] },
            "sources": sources,
            "resources": resources,
            "standoff": [
                "fingerprint": "sha256:" + fingerprint,
                "rules_sha256": rulesFingerprint,
                "note": "fingerprint = SHA-256 over '<sha256>  <path>\\n' of every file under data/, in path order",
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

    /// A table's CSV file as a tabular data resource.
    func resource(_ table: TableSchema) -> [String: Any] {
        let path = "data/\(table.name).csv"
        let file = dataFiles.first { $0.path == path }
        let keyFields = Set(table.primaryKey + (DataPackage.foreignKeys[table.name] ?? []).map(\.field))
        let fields: [[String: Any]] = table.columns.map { column in
            var field: [String: Any] = ["name": column.name, "description": column.description]
            switch column.type {
            case .string: field["type"] = "string"
            case .integer: field["type"] = "integer"
            case .date: field["type"] = "date"
            case .list:
                field["type"] = "string"
                field["description"] = column.description + " In CSV the items are joined by '; '; in JSONL this is an array."
            case .records:
                field["type"] = "array"
                field["description"] = column.description + " In CSV this is the array as compact JSON text; in JSONL it is the array itself."
            }
            // Keys and counts are always present; other text may be legitimately empty.
            if keyFields.contains(column.name) || column.type == .integer {
                field["constraints"] = ["required": true]
            }
            return field
        }
        var schema: [String: Any] = ["fields": fields, "primaryKey": table.primaryKey, "missingValues": [""]]
        if let keys = DataPackage.foreignKeys[table.name] {
            schema["foreignKeys"] = keys.map { ["fields": $0.field, "reference": ["resource": $0.resource, "fields": $0.field]] }
        }
        var resource: [String: Any] = [
            "name": table.name,
            "path": path,
            "profile": "tabular-data-resource",
            "description": table.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": ["delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true],
            "schema": schema,
        ]
        if let file {
            resource["bytes"] = file.bytes
            resource["hash"] = "sha256:" + file.sha256
        }
        return resource
    }

    /// A licence entry with the canonical URL for the common SPDX ids.
    static func license(_ spdx: String) -> [String: String] {
        let known = [
            "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0"),
            "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
            "ODC-By-1.0": ("https://opendatacommons.org/licenses/by/1-0/", "Open Data Commons Attribution License 1.0"),
        ]
        guard let (path, title) = known[spdx] else { return ["name": spdx] }
        return ["name": spdx, "path": path, "title": title]
    }
}
