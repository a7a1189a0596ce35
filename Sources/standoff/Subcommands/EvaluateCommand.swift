import ArgumentParser
import Foundation
import StandoffBuild
import StandoffCore

/// `standoff evaluate`: how well the rules do on labelled documents.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score the pipeline against hand labels: body lines, metadata, sentences, mentions and stance, or page bodies by the extraction benchmark's metric.",
        discussion: """
        Runs ingest through validate over --raw in memory (no cache, no snapshot, no corrections, \
        nothing written unless --save is given) and compares the documents with labels:

        --gold DIR: one <doc>.json per raw file in the development-corpus format (line roles, \
        metadata, sentences with stance and mentions; see the README, "Measuring quality"). \
        Default: <annotations>/gold, the project's hand labels of its own articles.

        --truth FILE: a truth.jsonl of page bodies (id, articleBody, headline, published, in_dump); \
        body precision, recall and F1 by 4-token shingles, title and date accuracy over the pages \
        whose dump shows them, empty bodies, and the worst pages with the removals that cost most.

        Prints Markdown (or one JSON object with --json). --save writes the JSON report to a file; \
        --compare reads one back and shows each headline figure's change.

        Examples:
          standoff evaluate --raw corpus/raw --gold corpus/gold
          standoff evaluate --raw w3m --truth truth.jsonl --save a.json
          standoff evaluate --raw w3m --truth truth.jsonl --compare a.json
        """
    )

    @Option(name: .long, help: ArgumentHelp("Folder of raw *.txt files to run the pipeline over (read only).", valueName: "dir"))
    var raw = "raw"

    @Option(name: .long, help: ArgumentHelp("Folder with rules/ (and gold/, the default labels).", valueName: "dir"))
    var annotations = "annotations"

    @Option(name: .long, help: ArgumentHelp("Folder of <doc>.json gold files (default: <annotations>/gold).", valueName: "dir"))
    var gold: String?

    @Option(name: .long, help: ArgumentHelp("A truth.jsonl of page bodies, instead of --gold.", valueName: "file"))
    var truth: String?

    @Option(name: .long, help: ArgumentHelp("Which in_dump flags of --truth apply (default: the name of the --raw folder).", valueName: "name"))
    var converter: String?

    @Option(name: .long, help: ArgumentHelp("The set's name in the report (default: the --raw folder's path).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The stance target scored (default: the first in stance-targets.jsonl).", valueName: "id"))
    var target: String?

    @Option(name: .long, help: ArgumentHelp("Write the report as JSON to this file, for a later --compare.", valueName: "file"))
    var save: String?

    @Option(name: .long, help: ArgumentHelp("A report saved earlier with --save: show each figure's change since.", valueName: "file"))
    var compare: String?

    @Option(name: .long, help: ArgumentHelp("Write the full Markdown report to this file as well.", valueName: "file"))
    var report: String?

    @Flag(name: .long, help: "Print only the summary table (the full report still goes to --report).")
    var brief = false

    @Option(name: .long, help: ArgumentHelp("How many worst pages and wrong fields to list.", valueName: "n"))
    var worst = 10

    @Option(name: .long, help: ArgumentHelp("Documents processed at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "Print the report as one JSON object instead of Markdown.")
    var json = false

    func validate() throws {
        guard gold == nil || truth == nil else { throw ValidationError("give --gold or --truth, not both") }
        guard worst >= 0 else { throw ValidationError("--worst must be 0 or more") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
    }

    func run() throws {
        try reportingErrors {
            let options = BuildOptions(rawFolder: raw, annotationsFolder: annotations, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let labels: QualityEvaluation.Truth = truth.map {
                .pages(file: $0, converter: converter ?? URL(fileURLWithPath: raw).standardizedFileURL.lastPathComponent)
            } ?? .gold(folder: gold ?? annotations + "/gold")
            // The earlier report is read first, so a wrong path fails before the run.
            let previous = try compare.map { path -> [String: Double] in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw BuildError.unreadable(path: path, reason: "cannot be read; give a report written by 'standoff evaluate --save'")
                }
                do { return try EvaluationReport.figures(fromJSON: data) } catch {
                    throw BuildError.unreadable(path: path, reason: "is not a JSON report written by 'standoff evaluate --save'")
                }
            }
            let result = try QualityEvaluation(options: options, truth: labels, target: target).run(name: name ?? raw)
            if let save { try QualityEvaluation.save(result.json, to: save) }
            let markdown = result.markdown(previous: previous, worst: worst)
            if let report { try QualityEvaluation.save(markdown, to: report) }
            print(json ? result.json : (brief ? result.markdown(previous: previous, worst: worst, brief: true) : markdown), terminator: "")
        }
    }
}
