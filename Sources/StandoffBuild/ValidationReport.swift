import Foundation
import StandoffCore

/// `build/validation.json`: counts, warnings and errors of the last build, keys and entries
/// sorted so it diffs cleanly.
///
/// Written entry by entry: a large corpus can have a warning per document or more, and building
/// the whole report in memory first (as `JSONEncoder` does) cost more than the run itself held.
///
/// ```
/// {
///   "dataset" : "japan-dprk-summit-commentary-0.1.0",
///   "documents" : 5,
///   "errors" : [],
///   "removed_reasons" : { "byline" : 1, … },
///   "rows" : { "documents" : 5, … },
///   "status" : "passed",
///   "warnings" : [ { "code" : "…", "location" : "…", "message" : "…", "severity" : "warning", "stage" : "…" } ]
/// }
/// ```
struct ValidationReport {
    let manifest: DatasetManifest?
    let summary: CorpusSummary

    /// Writes the report beside `path` and renames it into place.
    func write(to path: String) throws {
        let file = try BufferedFile(path: path + ".partial")
        var text = UTF8Buffer(capacity: 1 << 16)
        func drain() throws {
            try file.write(bytes: text.bytes)
            text = UTF8Buffer(capacity: 1 << 16)
        }
        func key(_ name: StaticString, indent: StaticString = "  ") {
            text.append(indent)
            text.append(jsonString: name.description)
            text.append(" : ")
        }
        func counts(_ values: [String: Int]) {
            guard !values.isEmpty else { return text.append("{}") }
            text.append("{\n")
            for (index, (name, count)) in values.sorted(by: { $0.key < $1.key }).enumerated() {
                text.append("    ")
                text.append(jsonString: name)
                text.append(" : ")
                text.append(integer: count)
                text.append(index == values.count - 1 ? "\n" : ",\n")
            }
            text.append("  }")
        }
        /// Writes `diagnostics`, which are sorted.
        func entries(_ diagnostics: some Collection<Diagnostic>) throws {
            guard !diagnostics.isEmpty else { return text.append("[]") }
            text.append("[\n")
            for (index, diagnostic) in diagnostics.enumerated() {
                text.append("    {\n")
                key("code", indent: "      ")
                text.append(jsonString: diagnostic.code)
                text.append(",\n")
                key("location", indent: "      ")
                text.append(jsonString: diagnostic.location)
                text.append(",\n")
                key("message", indent: "      ")
                text.append(jsonString: diagnostic.message)
                text.append(",\n")
                key("severity", indent: "      ")
                text.append(jsonString: diagnostic.severity.rawValue)
                text.append(",\n")
                key("stage", indent: "      ")
                text.append(jsonString: diagnostic.stage)
                text.append(index == diagnostics.count - 1 ? "\n    }\n" : "\n    },\n")
                if text.bytes.count >= 1 << 16 { try drain() }
            }
            text.append("  ]")
        }

        let errors = summary.errors.sorted()
        text.append("{\n")
        key("dataset")
        text.append(jsonString: manifest?.releaseName ?? "unknown")
        text.append(",\n")
        key("documents")
        text.append(integer: summary.documents.count)
        text.append(",\n")
        key("errors")
        try entries(errors)
        text.append(",\n")
        key("removed_reasons")
        counts(summary.removedReasons)
        text.append(",\n")
        key("rows")
        counts(summary.rowCounts)
        text.append(",\n")
        key("status")
        text.append(jsonString: errors.isEmpty ? "passed" : "failed")
        text.append(",\n")
        key("warnings")
        try entries(summary.sortedWarnings)
        text.append("\n}\n")
        try drain()
        try file.close()
        try FileOutput.rename(path + ".partial", to: path)
    }
}
