import ArgumentParser
import StandoffBuild

/// `standoff run`: every stage, then both archives.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every stage and write the release folder and both archives.",
        discussion: """
        Writes build/release/<name>-<version>/ (data/*.jsonl, data/*.csv, README.md, SHA256SUMS),
        build/dist/<name>-<version>.tar.gz and .zip, and build/validation.json. If any raw file is
        bad or any invariant fails, every problem is reported and no archive is written.
        Archive entry times come from SOURCE_DATE_EPOCH, or the release date in annotations/dataset.json.
        """
    )

    @OptionGroup var build: BuildOptionGroup

    @Flag(name: .long, help: "Refuse to replace an archive of this version whose data differ (use for published releases).")
    var release = false

    func run() throws {
        try reportingErrors {
            let result = try DatasetBuild(options: build.options()).run(release: release)
            report(result.summary, wrote: result.archives, timings: build.timings)
        }
    }
}
