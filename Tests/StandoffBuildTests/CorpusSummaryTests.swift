import Foundation
import StandoffCore
import StandoffTestSupport
import Testing
@testable import StandoffBuild

/// What a summary of many documents keeps and how the card and data package list them.
@Suite("Corpus summary")
struct CorpusSummaryTests {
    static func summary(documents: Int, publications: [String?]) -> CorpusSummary {
        var summary = CorpusSummary()
        summary.stanceTargets = ["japan-dprk-dialogue"]
        for index in 0..<documents {
            summary.documents.append(CorpusSummary.DocumentEntry(
                id: "d\(index)", sourceFile: "raw/d\(index).txt", sourceSHA256: String(repeating: "0", count: 64), title: "Title \(index)",
                authors: ["A. Writer"], publication: publications[index % publications.count], published: "2024-04-04",
                paragraphs: 2, sentences: 5, removed: 1,
                stances: [DocumentStance(target: "japan-dprk-dialogue", label: "favor", favor: 2, against: 0, none: 3)]))
        }
        return summary
    }

    /// Up to the card's limit every document is listed; past it, the card points to the table and
    /// the data package lists publications with their counts.
    @Test(arguments: [(DatasetCard.documentLimit, true), (DatasetCard.documentLimit + 1, false)])
    func documentsAreListedUpToTheLimit(_ count: Int, listed: Bool) throws {
        let summary = Self.summary(documents: count, publications: ["The Peninsula", nil, "The Diplomat"])
        let stances = summary.stanceMarkdown(documentLimit: DatasetCard.documentLimit)
        #expect(stances.contains("| `d0` | favor | 2 | 0 | 3 |") == listed)
        #expect(stances.contains("this one has \(count): see `data/documents.csv`") == !listed)

        let package = DataPackage(manifest: try DatasetManifest.load(path: Repository.path("annotations/dataset.json")), summary: summary,
                                  tables: DatasetTables(), dataFiles: [], rulesFingerprint: "f")
        let titles = package.sources.compactMap { $0["title"] as? String }
        if listed {
            #expect(titles.count == count)
            #expect(titles.first == "The Peninsula, Title 0, 2024-04-04")
        } else {
            #expect(titles == ["The Diplomat (333 articles; each in data/documents.csv)", "The Peninsula (334 articles; each in data/documents.csv)",
                               "publication not stated (334 articles; each in data/documents.csv)"])
        }
    }

    @Test func packedEntriesComeBackWhole() {
        let summary = Self.summary(documents: 3, publications: ["The Peninsula", nil])
        #expect(summary.documents.map(\.id) == ["d0", "d1", "d2"])
        #expect(summary.documents[1].publication == nil)
        #expect(summary.documents[2].publication == "The Peninsula")
        #expect(summary.documents[2].stances.first?.none == 3)
    }

    /// Warnings come out in the order the report lists them whether they arrived in order or not,
    /// with errors left out.
    @Test(arguments: [
        ["a.txt:1", "a/a-s0001", "b/b-s0000"],
        ["b/b-s0000", "a/a-s0001", "a.txt:1"],
        ["a/a-s0001", "a/a-s0001", "a.txt:1", "😀/x-s0000", "a/a-s0000"],
    ])
    func warningsAreSortedByLocationThenTheRest(_ locations: [String]) {
        var summary = CorpusSummary()
        for (index, location) in locations.enumerated() {
            summary.diagnostics.append(Diagnostic(severity: .warning, stage: "annotate", code: "c\(index % 2)", location: location,
                                                  message: "m\(locations.count - index)"))
            summary.diagnostics.append(Diagnostic(severity: .error, stage: "ingest", code: "e", location: "0/\(index)", message: "e"))
        }
        #expect(Array(summary.sortedWarnings) == summary.warnings.sorted())
        #expect(summary.sortedWarnings.count == locations.count)
    }
}
