import Foundation
import StandoffBuild
import StandoffTestSupport
import Testing

/// The measured figures live twice: the README's table for people reading the project, and
/// `annotations/dataset.json` (`quality`), which the dataset card reads. They must agree.
@Suite("Quality figures")
struct QualityFiguresTests {
    static let fix = "update the README's 'Figures' table and 'quality' in annotations/dataset.json together (after 'make evaluate')"

    /// (set, figure, now) of every row of the README's table under `### Figures`; a row with an
    /// empty set cell continues the set above, and a set's note in brackets is left out.
    static func readmeFigures() throws -> [(set: String, figure: String, value: String)] {
        let lines = try Repository.text("README.md").components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "### Figures"))
        let table = lines[start...].drop { !$0.hasPrefix("| set |") }.dropFirst(2).prefix { $0.hasPrefix("|") }
        var rows: [(String, String, String)] = []
        var current = ""
        for line in table {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
            try #require(cells.count == 4, "\(line)")
            if !cells[0].isEmpty { current = cells[0].components(separatedBy: " (")[0] }
            rows.append((current, cells[1], cells[3]))
        }
        return rows
    }

    @Test func readmeTableAndManifestAgree() throws {
        let manifest = try DatasetManifest.load(path: Repository.path("annotations/dataset.json"))
        let readme = try Self.readmeFigures()
        #expect(readme.count >= 10, "the README's figures table was not found")
        let sets = Set(readme.map(\.set))
        let recorded = manifest.quality.sets.filter { sets.contains($0.name) }.flatMap { set in set.figures.map { (set.name, $0.figure, $0.value) } }
        #expect(readme.map { "\($0.set) | \($0.figure) | \($0.value)" } == recorded.map { "\($0.0) | \($0.1) | \($0.2)" }, "\(Self.fix)")
        #expect(Set(manifest.quality.sets.map(\.name)).isSuperset(of: sets), "\(Self.fix)")
    }
}
