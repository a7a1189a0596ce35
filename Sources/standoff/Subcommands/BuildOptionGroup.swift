import ArgumentParser
import Foundation
import StandoffBuild

/// The folders and strictness every pipeline command shares.
struct BuildOptionGroup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of raw *.txt article files (read only).", valueName: "dir"))
    var raw = "raw"

    @OptionGroup var folders: FolderOptionGroup

    @Flag(name: .long, help: "Treat warnings (duplicate files, unreadable dates, empty bodies) as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Documents processed at once, one per thread (default: the number of cores; at most \(BuildOptions.maximumJobs) and the number of documents are used); the output is the same for any number.", valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "Print the time spent in each stage, summed over documents and threads, on standard error.")
    var timings = false

    @Flag(name: .long, help: "Do not refresh the annotation snapshot (export and run refresh <annotations>/documents/ when --raw is the project's raw/ beside it, else <build>/documents/).")
    var noSnapshot = false

    @Flag(name: .long, help: "Run clean, split and annotate over every document instead of reusing their output from <build>/cache/ for raw files, rules and program unchanged since it was made.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Documents, first in id order, that get a page in the HTML report (0: every document).", valueName: "n"))
    var reportPages = 1000

    /// The annotations folder.
    var annotations: String { folders.annotations }

    // Checked while parsing, so a bad value is answered with this command's usage.
    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
        guard reportPages >= 0 else { throw ValidationError("--report-pages must be 0 (every document) or more, not \(reportPages)") }
    }

    /// The build options, with `SOURCE_DATE_EPOCH` read from the environment.
    func options() throws -> BuildOptions {
        var options = try folders.options()
        options.rawFolder = raw
        options.strict = strict
        options.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        options.snapshotFolder = noSnapshot ? nil : BuildOptions.snapshotFolder(raw: raw, annotations: folders.annotations, build: folders.build)
        options.cache = noCache ? nil : .readWrite
        options.reportPageLimit = reportPages
        return options
    }
}

extension BuildOptionGroup {
    /// Runs `body` with the options while holding the build folder's lock, so two runs never
    /// write one build folder at once.
    func writing<T>(_ body: (BuildOptions) throws -> T) throws -> T {
        try holdingLock(options(), body)
    }
}

/// Runs a command body, printing errors as `standoff: error: …` on standard error and exiting 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as BuildError {
        FileHandle.standardError.write(Data("standoff: error: \(error.description)\n".utf8))
        throw ExitCode.failure
    }
}

/// Prints a build's warnings on standard error, and a one-line summary on standard output.
func report(_ summary: CorpusSummary, wrote outputs: [String], timings: Bool = false) {
    if timings { FileHandle.standardError.write(Data((summary.timings.rendered + "\n").utf8)) }
    let warnings = summary.sortedWarnings
    printWarnings(warnings.lazy.map(\.rendered), count: warnings.count)
    print(summary.line)
    if summary.reusedDocuments > 0 {
        print("reused \(summary.reusedDocuments) of \(summary.documents.count) documents' clean, split and annotate output from the cache")
    }
    for output in outputs { print("wrote \(output)") }
}

/// How many warnings are printed; all of them are in build/validation.json.
let printedWarningLimit = 100

/// Prints the first warnings on standard error and, past the limit, how many more the validation report holds.
func printWarnings(_ warnings: some Sequence<String>, count: Int) {
    for warning in warnings.prefix(printedWarningLimit) {
        FileHandle.standardError.write(Data("standoff: \(warning)\n".utf8))
    }
    if count > printedWarningLimit {
        FileHandle.standardError.write(Data("standoff: … and \(count - printedWarningLimit) more warnings; all \(count) are in the validation report (validation.json in the build folder)\n".utf8))
    }
}
