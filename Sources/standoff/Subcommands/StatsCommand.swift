import ArgumentParser
import StandoffBuild
import StandoffCore

/// `standoff stats`: what the annotations hold, without writing anything.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print annotation statistics: mentions per type, most mentioned entities, top entities per document, stance labels, document stances and stance rule statistics.",
        discussion: """
        Runs the stages through validate in memory over the raw folder and prints Markdown (or JSON \
        with --json) on standard output; writes no file (documents in build/cache/ are read, not \
        annotated again). The same tables are in the dataset card.
        """
    )

    @OptionGroup var build: BuildOptionGroup

    @Flag(name: .long, help: "Print one JSON object (keys sorted) instead of Markdown.")
    var json = false

    func run() throws {
        try reportingErrors {
            let summary = try DatasetBuild(options: build.options()).statistics()
            if json {
                guard case var .object(members) = summary.statistics.json else { return }
                members["document_stances"] = summary.documentStancesJSON
                members["stance_rules"] = summary.stanceRules.json
                print(JSONValue.object(members).rendered)
            } else {
                print(summary.statistics.markdown() + summary.stanceMarkdown(), terminator: "")
            }
        }
    }
}
