import Foundation
import StandoffTestSupport
@testable import StandoffCore

/// The articles in `raw/`, cleaned and split as the pipeline does, for measuring the annotator on real text.
enum EntityCorpus {
    /// Every raw article, through ingest, clean and split, in file-name order.
    static func documents() throws -> [Document] {
        let folder = Repository.path("raw")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        let rules = TestRules.ruleSet
        let stages: [any Stage] = [Ingest(), Clean(lexicon: rules.boilerplate), Split(splitter: SentenceSplitter(lexicon: rules.abbreviations))]
        return try names.map { name in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            let id = String(name.dropLast(4))
            var document = Document(id: id, sourceFile: "raw/" + name, rawBytes: [UInt8](bytes))
            var diagnostics: [Diagnostic] = []
            for stage in stages { try stage.apply(to: &document, diagnostics: &diagnostics) }
            return document
        }
    }
}
