/// `CITATION.cff` (Citation File Format 1.2.0) for the release, so GitHub, Zenodo and reference
/// managers cite the exact version, content and source commit.
struct CitationFile {
    let manifest: DatasetManifest
    let fingerprint: String
    let sourceCommit: SourceCommit

    var text: String {
        var lines = [
            "cff-version: 1.2.0",
            // CFF's `license` takes SPDX ids for the whole work; the annotations' licence does not
            // cover the article texts, so the terms are stated here instead.
            "message: \(quoted("If you use this dataset, please cite it as below, and cite the original articles. Terms: " + manifest.licenseNote))",
            "type: dataset",
            "title: \(quoted(manifest.title))",
            "version: \(quoted(manifest.version))",
            "date-released: \(quoted(manifest.released))",
        ]
        // A commit id only when there is one; the card explains a dirty or unknown source.
        if sourceCommit.id != nil {
            lines.append("commit: \(quoted(sourceCommit.description))")
        }
        lines += [
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
