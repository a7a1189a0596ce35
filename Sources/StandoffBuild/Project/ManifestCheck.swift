import Foundation
import StandoffCore

/// Warnings that the manifest does not describe the articles being built, so the dataset card,
/// `datapackage.json` and `CITATION.cff` would carry the wrong name and title: values still holding
/// `standoff init`'s placeholders, or a raw folder from elsewhere built with the manifest of the
/// corpus in the project's own `raw/`.
struct ManifestCheck {
    /// The code of the warning for placeholders left in the manifest.
    static let placeholderCode = "manifest-placeholder"
    /// The code of the warning for a raw folder built under another corpus's manifest.
    static let otherCorpusCode = "manifest-of-another-corpus"

    let manifest: DatasetManifest
    let options: BuildOptions

    /// The warnings, at the manifest's path.
    var diagnostics: [Diagnostic] {
        [placeholderWarning, otherCorpusWarning].compactMap { $0 }
    }

    /// The keys whose values still start with the placeholder marker, in the file's order.
    var keysWithPlaceholders: [String] {
        let values: [(String, [String])] = [
            ("title", [manifest.title]), ("description", [manifest.description]), ("intended_use", manifest.intendedUse.map { [$0] } ?? []),
            ("license_note", [manifest.licenseNote]), ("creators", manifest.creators), ("changes", manifest.changes.map(\.summary)),
        ]
        return values.filter { $0.1.contains { $0.hasPrefix(ProjectTemplate.placeholderMarker) } }.map(\.0)
    }

    private var placeholderWarning: Diagnostic? {
        let keys = keysWithPlaceholders
        guard !keys.isEmpty else { return nil }
        return warning(code: Self.placeholderCode, message: "\(keys.map { "'\($0)'" }.joined(separator: ", ")) still hold the placeholders 'standoff init' wrote " +
            "(values starting '\(ProjectTemplate.placeholderMarker)'); replace them, since the dataset card, datapackage.json and CITATION.cff are written from them")
    }

    /// A raw folder other than the project's own, while the project's own holds articles: the
    /// manifest is that corpus's, whose title the card would then give these articles.
    private var otherCorpusWarning: Diagnostic? {
        guard !BuildOptions.isOwnRawFolder(raw: options.rawFolder, annotations: options.annotationsFolder) else { return nil }
        let ownRaw = BuildOptions.ownRawFolder(annotations: options.annotationsFolder)
        guard Self.holdsArticles(ownRaw) else { return nil }
        return warning(code: Self.otherCorpusCode, message: "the articles come from \(options.rawFolder), but this manifest is the one of the corpus in \(ownRaw), " +
            "so the dataset card and the citation call them '\(manifest.title)' and the archives \(manifest.releaseName); for a dataset of their own, " +
            "run 'standoff init DIR', put them in DIR/raw/ and run 'standoff run' in DIR")
    }

    private func warning(code: String, message: String) -> Diagnostic {
        Diagnostic(severity: .warning, stage: Export.description.identifier, code: code, location: options.manifestPath, message: message)
    }

    /// Whether `folder` holds a `*.txt` file, looking no further than the first.
    static func holdsArticles(_ folder: String) -> Bool {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return false }
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".txt") { return true }
        }
        return false
    }
}
