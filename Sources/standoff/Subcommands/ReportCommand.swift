import ArgumentParser
import StandoffBuild

/// `standoff report`: the HTML report alone, to look at the annotations.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML report: an index of every document with charts and the stance rule table, and one page per document with its text, stances, cues, mentions and removed lines.",
        discussion: """
        Runs the stages through validate in memory (documents in build/cache/ are read, not annotated \
        again) and writes static, self-contained HTML, no network needed, to build/report/ or --output: \
        index.html and documents/<doc_id>.html. 'standoff run' writes the same report into the release \
        folder (report/, listed in SHA256SUMS and packed in both archives) and copies it to build/report/.
        """
    )

    @OptionGroup var build: BuildOptionGroup

    @Option(name: .long, help: ArgumentHelp("Folder to write the report to (replaced); default <build>/report.", valueName: "dir"))
    var output: String?

    func run() throws {
        try reportingErrors {
            let result = try DatasetBuild(options: build.options()).report(folder: output)
            report(result.summary, wrote: [result.folder + "/index.html"], timings: build.timings)
        }
    }
}
