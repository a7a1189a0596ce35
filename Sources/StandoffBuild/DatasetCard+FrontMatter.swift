import StandoffCore

extension DatasetCard {
    /// Hugging Face card metadata: the licence as it really is (`other`: the annotations' licence
    /// does not cover the article texts), catalogue terms from the manifest, the size, one config
    /// per table (the manifest's default table loads with `load_dataset(folder)`) and every
    /// config's features, so label columns load as `ClassLabel`, dates as `date32` and lists as lists.
    var frontMatter: String {
        let terms = manifest.cardMetadata
        var lines = [
            "---",
            "pretty_name: \(Self.yamlQuoted(manifest.title))",
            "license: other",
            "license_name: \(manifest.licenseName)",
            "license_details: \(Self.yamlQuoted(manifest.licenseNote))",
        ]
        lines += Self.yamlList("language", terms.language)
        lines += Self.yamlList("annotations_creators", terms.annotationsCreators)
        lines += Self.yamlList("language_creators", terms.languageCreators)
        lines += Self.yamlList("multilinguality", terms.multilinguality)
        lines += Self.yamlList("source_datasets", terms.sourceDatasets)
        lines += Self.yamlList("size_categories", [Self.sizeCategory(rows: summary.rowCounts.values.max() ?? 0)])
        lines += Self.yamlList("task_categories", terms.taskCategories)
        lines += Self.yamlList("task_ids", terms.taskIds)
        lines += Self.yamlList("tags", manifest.keywords.map { $0.lowercased().replacingOccurrences(of: " ", with: "-") })
        lines.append("configs:")
        for table in tables.all {
            lines += ["- config_name: \(table.name)", "  data_files:", "  - split: train", "    path: data/\(table.name).jsonl"]
            if table.name == terms.defaultTable { lines.append("  default: true") }
        }
        lines.append("dataset_info:")
        for table in tables.all {
            lines += ["- config_name: \(table.name)", "  features:"]
            lines += table.columns.flatMap { Self.feature($0, indent: "  ") }
        }
        return (lines + ["---", ""]).joined(separator: "\n")
    }

    /// Hugging Face's size bucket for a dataset whose largest table has `rows` rows.
    static func sizeCategory(rows: Int) -> String {
        let buckets = ["1K", "10K", "100K", "1M", "10M", "100M", "1B", "10B", "100B", "1T"]
        var limit = 1000
        guard rows >= limit else { return "n<1K" }
        for (lower, upper) in zip(buckets, buckets.dropFirst()) {
            limit *= 10
            if rows < limit { return "\(lower)<n<\(upper)" }
        }
        return "n>1T"
    }

    /// One column as a `datasets` feature: a `ClassLabel` for a label column, `date32`, `int64`,
    /// a list of strings, or a list of cue records (fields in the JSON's sorted key order).
    static func feature(_ column: TableSchema.Column, indent: String) -> [String] {
        var lines = ["\(indent)- name: \(column.name)"]
        switch column.type {
        case .string:
            if let categories = column.categories {
                lines += ["\(indent)  dtype:", "\(indent)    class_label:", "\(indent)      names:"]
                lines += categories.enumerated().map { "\(indent)        '\($0.offset)': \(yamlQuoted($0.element))" }
            } else {
                lines.append("\(indent)  dtype: string")
            }
        case .integer: lines.append("\(indent)  dtype: int64")
        case .date: lines.append("\(indent)  dtype: date32")
        case .list: lines.append("\(indent)  list: string")
        case .records:
            lines.append("\(indent)  list:")
            for field in column.fields.sorted(by: { $0.name < $1.name }) {
                // Cue labels stay text: topic words and operator triggers have none.
                var plain = field
                plain.categories = nil
                lines += feature(plain, indent: indent + "  ")
            }
        }
        return lines
    }

    /// `key:` and its values as a YAML block list.
    static func yamlList(_ key: String, _ values: [String]) -> [String] {
        ["\(key):"] + values.map { "- \($0)" }
    }

    /// A YAML double-quoted scalar.
    static func yamlQuoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
