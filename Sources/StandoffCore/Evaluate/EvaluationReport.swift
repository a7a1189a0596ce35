import Foundation

/// One evaluated set of documents: its name, the scores against gold labels or page truth, and
/// files that failed. Renders as Markdown for people and as JSON for `--compare` and tools.
public struct EvaluationReport: Sendable, Encodable, Equatable {
    /// The set's name, e.g. `domain-dev` or `pages-dev/w3m`.
    public var name: String
    /// Scores against gold labels in the development-corpus format.
    public var gold: GoldEvaluation?
    /// Scores against page-body truth.
    public var pages: PageEvaluation?
    /// Raw files that failed a stage, as `file: message`.
    public var failures: [String]

    /// Creates a report.
    public init(name: String, gold: GoldEvaluation? = nil, pages: PageEvaluation? = nil, failures: [String] = []) {
        self.name = name
        self.gold = gold
        self.pages = pages
        self.failures = failures
    }

    /// One headline figure: its path in the JSON, its label, its value, and whether higher is better.
    public struct Figure: Sendable, Equatable {
        public var path: String
        public var label: String
        public var value: Double
        public var higherIsBetter = true
    }

    /// The figures a change is judged by, in report order.
    public var figures: [Figure] {
        var figures: [Figure] = []
        if let gold {
            figures.append(Figure(path: "gold.lines.f1", label: "body lines F1", value: gold.lines.f1))
            figures.append(Figure(path: "gold.metadata.all.rate", label: "metadata fields right", value: gold.metadata["all", default: Tally()].rate))
            for field in GoldEvaluation.metadataFields {
                figures.append(Figure(path: "gold.metadata.\(field).rate", label: "\(field) right", value: gold.metadata[field, default: Tally()].rate))
            }
            figures.append(Figure(path: "gold.boundaries.f1", label: "sentence boundaries F1", value: gold.boundaries.f1))
            figures.append(Figure(path: "gold.sentences_exact.rate", label: "gold sentences reproduced exactly", value: gold.sentencesExact.rate))
            figures.append(Figure(path: "gold.mentions.ALL.f1", label: "mentions F1", value: gold.mentions["ALL", default: Score()].f1))
            figures.append(Figure(path: "gold.person_linking.f1", label: "PERSON linking F1", value: gold.personLinking.f1))
            figures.append(Figure(path: "gold.stance.macro_f1", label: "stance macro-F1 (favor, against)", value: gold.stance.macroF1))
            figures.append(Figure(path: "gold.stance.accuracy", label: "stance accuracy", value: gold.stance.accuracy))
        }
        if let pages {
            figures.append(Figure(path: "pages.f1", label: "body F1", value: pages.f1))
            figures.append(Figure(path: "pages.precision", label: "body precision", value: pages.precision))
            figures.append(Figure(path: "pages.recall", label: "body recall", value: pages.recall))
            figures.append(Figure(path: "pages.title.rate", label: "title right", value: pages.title.rate))
            figures.append(Figure(path: "pages.published.rate", label: "date right", value: pages.published.rate))
            figures.append(Figure(path: "pages.empty_bodies.count", label: "empty bodies", value: Double(pages.emptyBodies.count), higherIsBetter: false))
        }
        return figures
    }

    /// The report as one JSON object, keys sorted, figures to four places.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Every number in a report's JSON by its dotted path (an array by `path.count`): what
    /// `--compare` reads from a previous report, whatever version wrote it.
    public static func figures(fromJSON data: Data) throws -> [String: Double] {
        var flat: [String: Double] = [:]
        func walk(_ value: ReportJSON, _ path: String) {
            switch value {
            case let .object(members): for (key, child) in members { walk(child, path.isEmpty ? key : path + "." + key) }
            case let .array(count): flat[path + ".count"] = Double(count)
            case let .number(number): flat[path] = number
            case .other: break
            }
        }
        walk(try JSONDecoder().decode(ReportJSON.self, from: data), "")
        return flat
    }
}

/// A report's JSON read back: numbers kept apart from booleans (which Foundation's untyped
/// reader on Linux would confuse with 0 and 1), everything else ignored.
enum ReportJSON: Decodable {
    case object([String: ReportJSON]), array(count: Int), number(Double), other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if (try? container.decode(Bool.self)) != nil || container.decodeNil() {
            self = .other
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let members = try? container.decode([String: ReportJSON].self) {
            self = .object(members)
        } else if let items = try? container.decode([ReportJSON].self) {
            self = .array(count: items.count)
        } else {
            self = .other
        }
    }

}
