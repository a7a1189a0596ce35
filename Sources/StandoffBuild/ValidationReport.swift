import Foundation
import StandoffCore

/// `build/validation.json`: counts, warnings and errors of the last build, sorted so it diffs cleanly.
struct ValidationReport: Encodable {
    struct Entry: Encodable {
        var severity: String
        var stage: String
        var code: String
        var location: String
        var message: String
    }

    var dataset: String
    var status: String
    var documents: Int
    var rows: [String: Int]
    var removedReasons: [String: Int]
    var errors: [Entry]
    var warnings: [Entry]

    init(manifest: DatasetManifest?, summary: CorpusSummary) {
        dataset = manifest?.releaseName ?? "unknown"
        status = summary.errors.isEmpty ? "passed" : "failed"
        documents = summary.documents.count
        rows = summary.rowCounts
        removedReasons = summary.removedReasons
        func entries(_ diagnostics: [Diagnostic]) -> [Entry] {
            diagnostics.sorted().map { Entry(severity: $0.severity.rawValue, stage: $0.stage, code: $0.code, location: $0.location, message: $0.message) }
        }
        errors = entries(summary.errors)
        warnings = entries(summary.warnings)
    }

    /// Writes the report as pretty JSON with sorted keys.
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(self)
        try FileOutput.write(String(decoding: data, as: UTF8.self) + "\n", to: path)
    }
}
