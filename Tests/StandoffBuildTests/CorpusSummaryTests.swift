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
}
