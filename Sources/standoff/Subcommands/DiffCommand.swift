import ArgumentParser
import Foundation
import StandoffBuild
import StandoffCore

/// `standoff diff OLD NEW`: what changed between two releases, for review.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two releases: documents, sentence boundaries, stance transitions, mentions, removed lines, and per rule.",
        discussion: """
        OLD and NEW are release archives (.tar.gz or .zip, as in build/dist/) or unpacked release \
        folders (build/release/<name>-<version>/). Only the JSONL tables under data/ are compared. \
        Prints Markdown to paste into a pull request (lists capped by --limit), or with --json every \
        change as JSON with sorted keys.

        Archives are read in memory and never unpacked: an entry with '..' or an absolute path, a \
        link, a device, or one that inflates past its cap makes the command fail with a message \
        naming the archive and the entry. Only the JSONL tables are inflated, each capped at the size \
        the release lists for it in datapackage.json (at 100 MB where an older release lists none; \
        --max-bytes sets one cap for every table and their total). Every table the release lists \
        must be there with the SHA-256 it lists, and the listed hashes must give the fingerprint \
        recorded in datapackage.json.

        Exit status: 0 when the comparison ran (whether or not anything changed), 2 on an error. \
        With --exit-code, like 'git diff --exit-code': 1 when the tables differ, 0 when they do not.

        Examples:
          standoff diff build/before.tar.gz \\
            build/dist/japan-dprk-summit-commentary-0.1.0.tar.gz
          standoff diff --json old.zip new.zip > changes.json
          standoff diff old.zip new.zip --html build/diff  # open build/diff/index.html
        """
    )

    @Argument(help: ArgumentHelp("The earlier release: an archive or a release folder.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later release: an archive or a release folder.", valueName: "new"))
    var new: String

    @Flag(name: .long, help: "Print JSON (every change, keys sorted) instead of Markdown.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("The most items each Markdown list shows.", valueName: "n"))
    var limit = DatasetDiff.MarkdownOptions.default.limit

    @Option(name: .long, help: ArgumentHelp("The most bytes each table, and all tables of one release together, may inflate to (default: the sizes the release lists).", valueName: "bytes"))
    var maxBytes: Int64?

    @Option(name: .long, help: ArgumentHelp("Also write the comparison as a self-contained HTML page, <dir>/index.html, in the HTML report's style.", valueName: "dir"))
    var html: String?

    @Flag(name: .long, help: "Exit with 1 when the releases' tables differ, 0 when they do not.")
    var exitCode = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
    }

    func run() throws {
        let diff: DatasetDiff
        do {
            diff = try ReleaseReader.diff(old: old, new: new, limits: maxBytes.map(ReleaseReader.limits(maxBytes:)))
        } catch let error as BuildError {
            FileHandle.standardError.write(Data("standoff: error: \(error.description)\n".utf8))
            // 2, as diff(1) does, so that --exit-code's 1 always means "differs".
            throw ExitCode(2)
        }
        if let html {
            do {
                try ReleaseReader.writeHTML(diff, folder: html)
            } catch let error as BuildError {
                FileHandle.standardError.write(Data("standoff: error: \(error.description)\n".utf8))
                throw ExitCode(2)
            }
        }
        var options = DatasetDiff.MarkdownOptions.default
        options.limit = limit
        print(json ? diff.json.prettyRendered : diff.markdown(options), terminator: "")
        if exitCode && diff.hasChanges { throw ExitCode(1) }
    }
}
