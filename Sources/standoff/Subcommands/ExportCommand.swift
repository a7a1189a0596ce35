import ArgumentParser
import StandoffBuild

/// `standoff export`: every stage through export, no archives.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run every stage and write the release folder (tables, dataset card, SHA256SUMS) without archives."
    )

    @OptionGroup var build: BuildOptionGroup

    @OptionGroup var releaseOptions: ReleaseOptionGroup

    func run() throws {
        try reportingErrors {
            let result = try build.writing { options in
                let options = try releaseOptions.applied(to: options)
                return try DatasetBuild(options: options).export()
            }
            report(result.summary, wrote: [result.releaseFolder], timings: build.timings)
        }
    }
}
