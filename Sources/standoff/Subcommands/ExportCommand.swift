import ArgumentParser
import StandoffBuild

/// `standoff export`: every stage through export, no archives.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run every stage and write the release folder (tables, dataset card, SHA256SUMS) without archives."
    )

    @OptionGroup var build: BuildOptionGroup

    @Option(name: .long, help: ArgumentHelp("A previous release (archive or folder) to summarise the changes since, in the dataset card.", valueName: "path"))
    var previous: String?

    func run() throws {
        try reportingErrors {
            let result = try build.writing { options in
                var options = options
                options.previousRelease = previous
                return try DatasetBuild(options: options).export()
            }
            report(result.summary, wrote: [result.releaseFolder], timings: build.timings)
        }
    }
}
