import ArgumentParser
import StandoffBuild

/// `standoff export`: every stage through export, no archives.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run every stage and write the release folder (tables, dataset card, SHA256SUMS) without archives."
    )

    @OptionGroup var build: BuildOptionGroup

    func run() throws {
        try reportingErrors {
            let result = try DatasetBuild(options: build.options()).export()
            report(result.summary, wrote: [result.releaseFolder], timings: build.timings)
        }
    }
}
