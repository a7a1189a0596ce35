import Foundation
import StandoffCore
import StandoffTestSupport
import Testing
@testable import StandoffBuild

/// What the release says about itself: `datapackage.json` (Data Package v2), the card's Hugging
/// Face metadata, its loading, quality and reproducibility sections, and `CITATION.cff`.
@Suite("Release metadata")
struct ReleaseMetadataTests {
    static let manifest = try! DatasetManifest.load(path: Repository.path("annotations/dataset.json"))
    static let tables = try! DatasetBuild(options: BuildOptions(annotationsFolder: Repository.path("annotations"))).loadRules().tables
    static let clean = SourceCommit(id: String(repeating: "c0ffee", count: 7).prefix(40).description, dirty: false)

    static func summary() -> CorpusSummary {
        var summary = CorpusSummary()
        summary.rowCounts = ["documents": 2, "sentences": 40, "mentions": 30, "stances": 40, "removed": 7]
        return summary
    }

    static func card(commit: SourceCommit = clean) -> DatasetCard {
        DatasetCard(manifest: manifest, summary: summary(), tables: tables, fingerprint: "f", sourceCommit: commit)
    }

    static func package(commit: SourceCommit = clean) throws -> [String: Any] {
        let package = DataPackage(manifest: manifest, summary: summary(), tables: tables, dataFiles: [], rulesFingerprint: "r", sourceCommit: commit)
        return try #require(try JSONSerialization.jsonObject(with: Data(package.json.utf8)) as? [String: Any])
    }

    @Test func dataPackageIsVersion2WithBothFilesOfEveryTable() throws {
        let package = try Self.package()
        #expect(package["$schema"] as? String == "https://datapackage.org/profiles/2.0/datapackage.json")
        #expect(package["profile"] == nil)
        let contributors = try #require(package["contributors"] as? [[String: Any]])
        #expect(contributors.allSatisfy { $0["roles"] as? [String] == ["creator"] && $0["role"] == nil })
        let resources = try #require(package["resources"] as? [[String: Any]])
        let names = resources.compactMap { $0["name"] as? String }
        #expect(names == Self.tables.all.map(\.name) + Self.tables.all.map { $0.name + "-jsonl" })
        for resource in resources {
            #expect(resource["type"] as? String == "table")
            #expect(resource["profile"] == nil)
        }
        let standoff = try #require(package["standoff"] as? [String: Any])
        #expect(standoff["source_commit"] as? String == Self.clean.description)
    }

    /// Every column's field: its v2 type, `list` with the CSV delimiter, categories for label
    /// columns, and `required` (with no missing values of its own) exactly where it may not be missing.
    @Test(arguments: DatasetTables.all.map(\.name))
    func fieldsFollowTheTableSchema(_ name: String) throws {
        let table = try #require(Self.tables.all.first { $0.name == name })
        let resources = try #require(try Self.package()["resources"] as? [[String: Any]])
        for resource in resources where resource["name"] as? String == name || resource["name"] as? String == name + "-jsonl" {
            let schema = try #require(resource["schema"] as? [String: Any])
            let fields = try #require(schema["fields"] as? [[String: Any]])
            #expect(fields.map { $0["name"] as? String } == table.columnNames)
            for (column, field) in zip(table.columns, fields) {
                let type = field["type"] as? String
                let expectedType = ["string": "string", "integer": "integer", "date": "date", "list": "list", "records": "array"][column.type.rawValue]
                #expect(type == expectedType, "\(name).\(column.name)")
                if column.type == .list {
                    #expect(field["delimiter"] as? String == "; " && field["itemType"] as? String == "string", "\(name).\(column.name)")
                }
                #expect(field["categories"] as? [String] == column.categories, "\(name).\(column.name)")
                let required = (field["constraints"] as? [String: Bool])?["required"] ?? false
                #expect(required == !column.nullable, "\(name).\(column.name)")
                #expect((field["missingValues"] as? [String] == []) == !column.nullable, "\(name).\(column.name)")
            }
            let keys = schema["foreignKeys"] as? [[String: Any]] ?? []
            for key in keys {
                #expect(key["fields"] is [String], "v2 keys are arrays, not strings")
                #expect((key["reference"] as? [String: Any])?["fields"] is [String])
            }
        }
    }

    @Test func labelColumnsHaveTheirCategories() throws {
        func categories(_ table: String, _ column: String) -> [String]? {
            Self.tables.all.first { $0.name == table }?.columns.first { $0.name == column }?.categories
        }
        #expect(categories("stances", "label") == ["favor", "against", "none"])
        #expect(categories("documents", "japan_dprk_dialogue_stance") == ["favor", "against", "none"])
        #expect(categories("mentions", "type") == EntityType.allCases.map(\.rawValue))
        let reasons = try #require(categories("removed", "reason"))
        #expect(reasons == reasons.sorted())
        #expect(Set(Clean.heuristicReasons.map(\.id) + [Clean.correctionReason.id]).isSubset(of: reasons))
        #expect(categories("stances", "holder") == nil, "holders are entity ids, not labels")
    }

    @Test func frontMatterHasAnHonestLicenceADefaultConfigAndClassLabels() {
        let yaml = Self.card().frontMatter
        #expect(yaml.hasPrefix("---\n") && yaml.hasSuffix("\n---\n"))
        #expect(yaml.contains("\nlicense: other\nlicense_name: \(Self.manifest.licenseName)\n"))
        #expect(!yaml.contains("license: cc-by"))
        #expect(yaml.contains("annotations_creators:\n- machine-generated\n"))
        #expect(yaml.contains("task_ids:\n- multi-class-classification\n- named-entity-recognition\n"))
        #expect(yaml.contains("size_categories:\n- n<1K\n"))
        #expect(yaml.components(separatedBy: "  default: true").count == 2, "exactly one default config")
        #expect(yaml.contains("- config_name: documents\n  data_files:\n  - split: train\n    path: data/documents.jsonl\n  default: true\n"))
        // The four label columns; cue labels inside the records stay text.
        #expect(yaml.components(separatedBy: "class_label:").count - 1 == 4)
        #expect(yaml.contains("  - name: published\n    dtype: date32\n"))
        #expect(yaml.contains("  - name: authors\n    list: string\n"))
    }

    @Test(arguments: [(0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"), (12_345, "10K<n<100K"), (999_999, "100K<n<1M"), (1_000_000, "1M<n<10M")])
    func sizeCategoryIsHuggingFacesBucket(_ rows: Int, _ bucket: String) {
        #expect(DatasetCard.sizeCategory(rows: rows) == bucket)
    }

    @Test(arguments: [
        (clean, "| Source commit | `\(clean)` |", "`git checkout japan-dprk-summit-commentary-0.1.0`"),
        (SourceCommit(id: clean.id, dirty: true), "| Source commit | `\(clean)-dirty` (built with uncommitted changes", "no commit rebuilds it exactly and it carries no tag"),
        (SourceCommit.unknown, "| Source commit | unknown (not built from a git checkout) |", "records no commit to rebuild it from"),
    ])
    func cardSaysWhichCommitRebuildsTheRelease(_ commit: SourceCommit, _ row: String, _ instruction: String) {
        let card = Self.card(commit: commit).markdown
        #expect(card.contains(row))
        #expect(card.contains(instruction))
    }

    @Test(arguments: [(clean, true), (SourceCommit(id: clean.id, dirty: true), true), (SourceCommit.unknown, false)])
    func citationRecordsAKnownCommit(_ commit: SourceCommit, _ listed: Bool) {
        let text = CitationFile(manifest: Self.manifest, fingerprint: "f", sourceCommit: commit).text
        #expect(text.contains("\ncommit: \"\(commit)\"\n") == listed)
        #expect(!text.contains("\nlicense:"), "the annotations' licence does not cover the texts; the message states the terms")
        #expect(text.contains(Self.manifest.licenseNote))
    }

    @Test func cardListsEveryMeasuredFigureFromTheManifest() {
        let section = Self.card().qualitySection
        for set in Self.manifest.quality.sets {
            #expect(section.contains("**\(set.name)**: \(set.description)"))
            for figure in set.figures {
                #expect(section.contains("| \(figure.figure) | \(figure.value) |"), "\(set.name): \(figure.figure)")
            }
        }
        #expect(section.contains(Self.manifest.quality.caveat))
    }

    @Test func loadingSectionLoadsEveryTableInEveryTool() {
        let section = Self.card().loadingSection
        for table in Self.tables.all {
            #expect(section.contains("\(table.name) = read_table(\"\(table.name)\""), "pandas: \(table.name)")
            #expect(section.contains("\(table.name) = pl.read_ndjson(\"data/\(table.name).jsonl\""), "polars: \(table.name)")
            #expect(section.contains("CREATE TABLE \(table.name) AS"), "DuckDB: \(table.name)")
            #expect(section.contains("\(table.name) <- read_csv(\"data/\(table.name).csv\", na = \"\""), "readr: \(table.name)")
            #expect(section.contains("\(table.name) <- read_table(\"\(table.name)\")"), "jsonlite: \(table.name)")
            #expect(section.contains("\(table.name) = load_dataset(folder"), "datasets: \(table.name)")
        }
        #expect(section.contains("documents$authors <- split_list(documents$authors)"))
        #expect(section.contains("stances$cues <- lapply(stances$cues, jsonlite::fromJSON)"))
        #expect(!section.contains("zip://") || section.contains("downloaded to"), "the zip snippet says where it runs")
    }
}
