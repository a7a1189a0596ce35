import ArgumentParser
import Foundation
import StandoffBuild

/// `standoff run`: every stage, then both archives.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every stage and write the release folder and both archives.",
        discussion: """
        Writes build/release/<name>-<version>/ (data/*.jsonl, data/*.csv, report/ (the HTML report, also copied to build/report/), README.md, SHA256SUMS), build/dist/<name>-<version>.tar.gz and .zip, and build/validation.json. If any raw file is bad or any invariant fails, every problem is reported and no archive is written. Archive entry times come from SOURCE_DATE_EPOCH, or the release date in annotations/dataset.json.

        When the program, options, manifest, rules, corrections and every raw file are the same as at the last complete run and its outputs are untouched (build/run-stamp.json), nothing is rebuilt; --force rebuilds anyway. Otherwise documents whose raw file, the rules and the program are unchanged since their clean, split and annotate output was stored in build/cache/ are read back from there, so after one raw file changes only it is annotated again; --no-cache annotates every document.

        With --previous, the dataset card's "Changes" section also summarises what changed since that release ('standoff diff' in short: counts, stance transitions, a few examples per kind). The previous release is read before anything is written, so it may be the archive this run replaces:

          standoff run --previous build/dist/japan-dprk-summit-commentary-0.1.0.tar.gz

        The dataset card, datapackage.json and CITATION.cff record the commit the release is built from: what 'git rev-parse HEAD' says where --annotations lies, with '-dirty' when 'git status' lists changes, or 'unknown' outside a git checkout; --source-commit says it instead. A run at another commit is a new run.
        """
    )

    @OptionGroup var build: BuildOptionGroup

    @Flag(name: .long, help: "Refuse to replace an archive of this version whose data differ (use for published releases).")
    var release = false

    @Flag(name: .long, help: "Rebuild even when nothing changed since the last complete run.")
    var force = false

    @OptionGroup var releaseOptions: ReleaseOptionGroup

    func run() throws {
        try reportingErrors {
            let result = try build.writing { options in
                let options = try releaseOptions.applied(to: options)
                return try DatasetBuild(options: options).run(release: release, reuse: !force)
            }
            if let previous = result.upToDate {
                printWarnings(previous.warnings, count: previous.warnings.count)
                print(previous.line)
                print("up to date: nothing changed since the last run; kept " + result.archives.joined(separator: ", "))
            } else {
                report(result.summary, wrote: result.archives, timings: build.timings)
            }
        }
    }
}
