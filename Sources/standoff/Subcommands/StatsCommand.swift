import ArgumentParser
import StandoffBuild

/// `standoff stats`: what the annotations hold, without writing anything.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print annotation statistics: mentions per type, most mentioned entities, top entities per document, stance labels.",
        discussion: """
        Runs the stages through validate in memory over the raw folder and prints Markdown (or JSON
        with --json) on standard output; writes no file. The same tables are in the dataset card.
        """
    )

    @OptionGroup var build: BuildOptionGroup

    @Flag(name: .long, help: "Print one JSON object (keys sorted) instead of Markdown.")
    var json = false

    func run() throws {
        try reportingErrors {
            let summary = try DatasetBuild(options: build.options()).statistics()
            print(json ? summary.statistics.json.rendered : summary.statistics.markdown(), terminator: json ? "\n" : "")
        }
    }
}
