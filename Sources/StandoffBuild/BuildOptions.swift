import Foundation
import StandoffArchive

/// Where a build reads and writes, and how strict it is.
public struct BuildOptions: Sendable {
    /// Folder of raw `*.txt` article files (default `raw`).
    public var rawFolder: String
    /// Folder holding `dataset.json` and `rules/` (default `annotations`).
    public var annotationsFolder: String
    /// Folder everything is written under (default `build`).
    public var buildFolder: String
    /// Treat warnings as errors.
    public var strict: Bool
    /// Archive entry time in seconds since 1970; `nil` uses `SOURCE_DATE_EPOCH` or the release date.
    public var sourceDateEpoch: Int64?
    /// Report progress on standard error.
    public var progress: Bool
    /// Threads that process documents; output is identical for any number.
    public var jobs: Int
    /// Folder of the committed annotation snapshot (`annotations/documents`), refreshed by
    /// `export` and `run`; `nil` leaves it alone (tests, and builds of other corpora).
    public var snapshotFolder: String?
    /// A previous release (archive or folder) whose differences from this one the dataset card
    /// lists as release notes; `nil` for none.
    public var previousRelease: String?
    /// How the document cache under `build/cache/` is used (see `DocumentCache`); `nil` runs
    /// every stage over every document.
    public var cache: CacheUse?
    /// Whether people's corrections in `annotations/corrections.jsonl` are applied; off when
    /// measuring the rules themselves (`standoff evaluate`).
    public var appliesCorrections = true
    /// Documents, first in id order, that get a page in the HTML report; 0 gives every document one.
    public var reportPageLimit = 1000
    /// The commit the release is built from, written into the card, `datapackage.json` and
    /// `CITATION.cff`; found by the caller (see ``SourceCommit/detect(in:)``), `unknown` by default.
    public var sourceCommit = SourceCommit.unknown

    /// Reading the document cache only, or writing what is missing as well.
    public enum CacheUse: Sendable {
        case readOnly, readWrite
    }

    /// The most threads a run uses whatever `--jobs` says: past the cores more threads only wait.
    public static let maximumJobs = 64

    /// `SOURCE_DATE_EPOCH` as the archives' entry time: whole seconds within the dates a zip can
    /// hold, so both archives carry the same time.
    public static func sourceDateEpoch(_ text: String) throws -> Int64 {
        let range = ArchiveWriter.earliestZipTime...ArchiveWriter.latestZipTime
        guard let seconds = Int64(text), range.contains(seconds) else {
            throw BuildError.invalidOption(name: "SOURCE_DATE_EPOCH", reason: "must be whole seconds since 1970 from \(range.lowerBound) (1980-01-01) to \(range.upperBound) (2106-02-07), the times a zip can store, not '\(text)'")
        }
        return seconds
    }

    /// Where a run refreshes the annotation snapshot: the committed `<annotations>/documents` when
    /// the raw folder is the project's own (`raw/` beside `annotations/`), else
    /// `<build>/documents`, so building another corpus never rewrites this one's snapshot.
    public static func snapshotFolder(raw: String, annotations: String, build: String) -> String {
        isOwnRawFolder(raw: raw, annotations: annotations) ? annotations + "/documents" : build + "/documents"
    }

    /// The project's own raw folder: `raw/` beside the annotations folder, whose articles
    /// `dataset.json` and the committed snapshot describe.
    public static func ownRawFolder(annotations: String) -> String {
        URL(fileURLWithPath: annotations).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("raw").path
    }

    /// Whether `raw` is the project's own raw folder (see ``ownRawFolder(annotations:)``).
    public static func isOwnRawFolder(raw: String, annotations: String) -> Bool {
        URL(fileURLWithPath: raw).standardizedFileURL.path == ownRawFolder(annotations: annotations)
    }

    /// Creates options; the defaults are the project layout.
    public init(rawFolder: String = "raw", annotationsFolder: String = "annotations", buildFolder: String = "build",
                strict: Bool = false, sourceDateEpoch: Int64? = nil, progress: Bool = false, snapshotFolder: String? = nil,
                jobs: Int = 1, previousRelease: String? = nil, cache: CacheUse? = nil) {
        self.rawFolder = rawFolder
        self.annotationsFolder = annotationsFolder
        self.buildFolder = buildFolder
        self.strict = strict
        self.sourceDateEpoch = sourceDateEpoch
        self.progress = progress
        self.snapshotFolder = snapshotFolder
        self.jobs = jobs
        self.previousRelease = previousRelease
        self.cache = cache
    }

    /// `annotations/dataset.json`.
    public var manifestPath: String { annotationsFolder + "/dataset.json" }
    /// `annotations/corrections.jsonl`, people's fixes to what the rules decided.
    public var correctionsPath: String { annotationsFolder + "/corrections.jsonl" }
    /// `annotations/rules`.
    public var rulesFolder: String { annotationsFolder + "/rules" }
    /// `build/validation.json`.
    public var validationReportPath: String { buildFolder + "/validation.json" }
    /// `build/dist`, where archives are committed.
    public var distFolder: String { buildFolder + "/dist" }
    /// `build/release`, holding the unpacked release folder.
    public var releaseParent: String { buildFolder + "/release" }
    /// `build/tmp`, for files that are renamed into place once complete.
    public var temporaryFolder: String { buildFolder + "/tmp" }
    /// `build/cache`, where `DocumentCache` keeps annotated documents.
    public var cacheFolder: String { buildFolder + "/cache" }
    /// `build/report`, the HTML report (a copy of the release folder's `report/`).
    public var reportFolder: String { buildFolder + "/report" }
    /// `build/run-stamp.json`, the record of the last complete run (see `BuildStamp`).
    public var stampPath: String { buildFolder + "/run-stamp.json" }
    /// `build/<stage>.jsonl`, a single stage's output.
    public func stageOutputPath(_ stage: String) -> String { buildFolder + "/" + stage + ".jsonl" }
}
