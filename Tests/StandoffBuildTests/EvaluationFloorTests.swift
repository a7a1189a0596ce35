import Foundation
import StandoffBuild
import StandoffCore
import StandoffTestSupport
import Testing

/// Quality floors: `standoff evaluate` over the project's own hand-labelled articles and, when
/// the development corpora are beside the checkout, over them too. Each floor sits a little
/// under the figure measured when it was set, so a rule change that costs quality fails here.
@Suite("Evaluation floors")
struct EvaluationFloorTests {
    /// The development corpora, beside the checkout as `../shared/corpus`.
    static let corpus = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    static let corpusIsPresent = FileManager.default.fileExists(atPath: corpus + "/domain-dev/gold")
    static let skipped = "the development corpora are not beside the checkout (../shared/corpus); only the seeds are scored"

    /// One set and the least each figure may be (by its path in the report's JSON).
    struct Floor: Sendable, CustomTestStringConvertible {
        let name: String
        let minimums: [String: Double]
        /// Figures that must not rise above a value (empty bodies).
        var maximums: [String: Double] = [:]
        var testDescription: String { name }
    }

    static func report(_ set: String) throws -> EvaluationReport {
        let annotations = Repository.path("annotations")
        switch set {
        case "seeds":
            return try QualityEvaluation(options: BuildOptions(rawFolder: Repository.path("raw"), annotationsFolder: annotations, jobs: 2),
                                         truth: .gold(folder: annotations + "/gold")).run(name: set)
        case "domain-dev":
            return try QualityEvaluation(options: BuildOptions(rawFolder: corpus + "/domain-dev/raw", annotationsFolder: annotations, jobs: 2),
                                         truth: .gold(folder: corpus + "/domain-dev/gold")).run(name: set)
        default:
            let converter = String(set.split(separator: "/").last!)
            return try QualityEvaluation(options: BuildOptions(rawFolder: corpus + "/pages-dev/" + converter, annotationsFolder: annotations, jobs: 2),
                                         truth: .pages(file: corpus + "/pages-dev/truth.jsonl", converter: converter)).run(name: set)
        }
    }

    static func check(_ floor: Floor) throws {
        let report = try report(floor.name)
        #expect(report.failures.isEmpty, "\(report.failures)")
        let figures = Dictionary(report.figures.map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
        for (path, minimum) in floor.minimums.sorted(by: { $0.key < $1.key }) {
            let value = try #require(figures[path], "no figure \(path)")
            #expect(value >= minimum, "\(floor.name): \(path) is \(value), below its floor \(minimum); run 'make evaluate' to see what changed")
        }
        for (path, maximum) in floor.maximums.sorted(by: { $0.key < $1.key }) {
            let value = try #require(figures[path], "no figure \(path)")
            #expect(value <= maximum, "\(floor.name): \(path) is \(value), above its ceiling \(maximum); run 'make evaluate' to see what changed")
        }
    }

    static let seeds = Floor(name: "seeds", minimums: [
        "gold.lines.f1": 0.97, "gold.metadata.all.rate": 0.95, "gold.boundaries.f1": 0.99, "gold.sentences_exact.rate": 0.99,
        "gold.mentions.ALL.f1": 0.985, "gold.person_linking.f1": 0.97, "gold.stance.accuracy": 0.94, "gold.stance.macro_f1": 0.70,
    ])

    static let development: [Floor] = [
        Floor(name: "domain-dev", minimums: [
            "gold.lines.f1": 0.97, "gold.metadata.all.rate": 0.93, "gold.boundaries.f1": 0.99, "gold.sentences_exact.rate": 0.98,
            "gold.mentions.ALL.f1": 0.98, "gold.person_linking.f1": 0.94, "gold.stance.accuracy": 0.88, "gold.stance.macro_f1": 0.83,
        ]),
        Floor(name: "pages-dev/inscriptis", minimums: ["pages.f1": 0.91, "pages.title.rate": 0.80, "pages.published.rate": 0.81],
              maximums: ["pages.empty_bodies.count": 0]),
        Floor(name: "pages-dev/w3m", minimums: ["pages.f1": 0.905, "pages.title.rate": 0.72, "pages.published.rate": 0.82],
              maximums: ["pages.empty_bodies.count": 0]),
        Floor(name: "pages-dev/bs4", minimums: ["pages.f1": 0.905, "pages.title.rate": 0.77, "pages.published.rate": 0.92],
              maximums: ["pages.empty_bodies.count": 0]),
    ]

    @Test func theSeedsHoldTheirFloors() throws {
        try Self.check(Self.seeds)
    }

    @Test(.enabled(if: corpusIsPresent, Comment(rawValue: skipped)), arguments: development)
    func theDevelopmentCorporaHoldTheirFloors(_ floor: Floor) throws {
        try Self.check(floor)
    }
}
