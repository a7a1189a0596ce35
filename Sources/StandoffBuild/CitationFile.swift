/// `CITATION.cff` (Citation File Format 1.2.0) for the release, so GitHub, Zenodo and reference
/// managers cite the exact version and content.
struct CitationFile {
    let manifest: DatasetManifest
    let fingerprint: String

    var text: String {
        var lines = [
            "cff-version: 1.2.0",
            "message: \"If you use this dataset, please cite it as below, and cite the original articles.\"",
            "type: dataset",
            "title: \(quoted(manifest.title))",
            "version: \(quoted(manifest.version))",
            "date-released: \(quoted(manifest.released))",
            "license: \(manifest.license)",
            "abstract: \(quoted(manifest.description))",
            "authors:",
        ]
        lines += manifest.creators.map { "  - name: \(quoted($0))" }
        lines += ["keywords:"] + manifest.keywords.map { "  - \(quoted($0))" }
        lines += [
            "identifiers:",
            "  - type: other",
            "    value: \(quoted("sha256:" + fingerprint))",
            "    description: \"Content fingerprint: SHA-256 over the data files' SHA256SUMS lines.\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    private func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
