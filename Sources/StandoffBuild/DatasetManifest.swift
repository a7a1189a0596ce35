import Foundation
import StandoffCore

/// The dataset's name, version and licence: the one committed source of truth,
/// `annotations/dataset.json`, that archive names, the top folder and the card all use.
public struct DatasetManifest: Decodable, Sendable, Equatable {
    /// Machine name, e.g. `japan-dprk-summit-commentary`.
    public var name: String
    /// Semantic version, e.g. `0.1.0`.
    public var version: String
    /// Human title for the card.
    public var title: String
    /// One paragraph on what the dataset is.
    public var description: String
    /// Who the dataset is for and what it suits, the card's *Intended use*; `nil` gives a general sentence.
    public var intendedUse: String?
    /// SPDX licence id for the annotations.
    public var license: String
    /// What the licence covers and what it does not (the article texts).
    public var licenseNote: String
    /// A short id for these terms as a whole (`license_name` in the card's metadata, which says
    /// `license: other`): the annotations' licence does not cover the article texts.
    public var licenseName: String
    /// Release date `YYYY-MM-DD`; archive entries carry it as their time unless
    /// `SOURCE_DATE_EPOCH` is set.
    public var released: String
    /// Who to credit in citations.
    public var creators: [String]
    /// Subject keywords for catalogues.
    public var keywords: [String]
    /// What changed in each version, newest last.
    public var changes: [Change]
    /// The Hugging Face card metadata that describes the dataset rather than its files.
    public var cardMetadata: CardMetadata
    /// How well the rules do against hand labels, as `make evaluate` measured them for this version.
    public var quality: Quality

    /// Catalogue terms for the card's YAML header, in the Hugging Face vocabulary.
    public struct CardMetadata: Decodable, Sendable, Equatable {
        /// Language codes, e.g. `en`.
        public var language: [String]
        /// E.g. `text-classification`.
        public var taskCategories: [String]
        /// E.g. `multi-class-classification`.
        public var taskIds: [String]
        /// Who made the labels, e.g. `machine-generated`.
        public var annotationsCreators: [String]
        /// Who wrote the texts, e.g. `found`.
        public var languageCreators: [String]
        /// E.g. `monolingual`.
        public var multilinguality: [String]
        /// E.g. `original`.
        public var sourceDatasets: [String]
        /// The table `load_dataset(folder)` loads when no config is named.
        public var defaultTable: String
    }

    /// Measured quality: sets of hand-labelled articles, each with its figures.
    public struct Quality: Decodable, Sendable, Equatable {
        /// How and on what the figures were measured.
        public var method: String
        /// The labelled sets, in the order the card lists them.
        public var sets: [LabelledSet]
        /// What the figures do not tell.
        public var caveat: String

        /// One labelled set and what was measured on it.
        public struct LabelledSet: Decodable, Sendable, Equatable {
            /// E.g. `domain-dev` or `pages-dev, w3m`.
            public var name: String
            /// What the set is and how it relates to the rules (read while writing them or not).
            public var description: String
            /// The figures, as measured (their printed precision kept).
            public var figures: [Figure]
        }

        /// One measured figure.
        public struct Figure: Decodable, Sendable, Equatable {
            /// E.g. `stance macro-F1 (favor, against)`.
            public var figure: String
            /// The value as reported, e.g. `0.852` or `0.821 / 0.842`.
            public var value: String
        }
    }

    /// One version's change note.
    public struct Change: Decodable, Sendable, Equatable {
        public var version: String
        public var summary: String
    }

    /// `<name>-<version>`: the archives' stem and top folder.
    public var releaseName: String { "\(name)-\(version)" }

    /// Reads and checks the manifest at `path`.
    public static func load(path: String) throws -> DatasetManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuildError.manifest(path: path, reason: "missing (it names the dataset and its version, see the README's 'Releases'); \(BuildError.projectFolderHint)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let manifest: DatasetManifest
        do {
            manifest = try decoder.decode(DatasetManifest.self, from: data)
        } catch {
            throw BuildError.manifest(path: path, reason: "not a valid manifest: \(error)")
        }
        let slug = manifest.name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard slug, !manifest.name.isEmpty else {
            throw BuildError.manifest(path: path, reason: "'name' must be lowercase letters, digits and hyphens")
        }
        let parts = manifest.version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            throw BuildError.manifest(path: path, reason: "'version' must be MAJOR.MINOR.PATCH, e.g. 1.2.0")
        }
        guard manifest.changes.contains(where: { $0.version == manifest.version }) else {
            throw BuildError.manifest(path: path, reason: "'changes' has no entry for version \(manifest.version); say what this version changes")
        }
        let tables = DatasetTables.all.map(\.name)
        guard tables.contains(manifest.cardMetadata.defaultTable) else {
            throw BuildError.manifest(path: path, reason: "'card_metadata.default_table' must be one of \(tables.joined(separator: ", ")), not '\(manifest.cardMetadata.defaultTable)'")
        }
        guard manifest.releasedEpoch != nil else {
            throw BuildError.manifest(path: path, reason: "'released' must be a date YYYY-MM-DD")
        }
        return manifest
    }

    /// Midnight UTC of the release date, in seconds since 1970.
    public var releasedEpoch: Int64? {
        let parts = released.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1970...9999).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        // Days from civil date (Howard Hinnant's algorithm), so no calendar or time zone is consulted.
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146097 + doe - 719468) * 86400
    }
}
