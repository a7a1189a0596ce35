import ArgumentParser
import StandoffBuild

/// `standoff`: turns raw article text files into a cleaned, sentence-split, annotated and
/// packaged research dataset.
@main
struct Standoff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standoff",
        abstract: "Turn raw news and commentary articles into a versioned research dataset.",
        discussion: """
        The pipeline is ingest → clean → split → annotate → correct → validate → export → package. \
        'standoff run' does all of it: tables in build/release/<name>-<version>/ and archives in \
        build/dist/. Each stage also runs on its own (the stages before it run first) and writes \
        build/<stage>.jsonl, one JSON object per document, to inspect what it did.

        Dataset name and version come from annotations/dataset.json; rules from annotations/rules/. \
        'standoff init DIR' makes a project folder for a corpus of your own. --version prints the \
        program's own version.
        """,
        version: ProgramVersion.current,
        subcommands: [
            RunCommand.self,
            IngestCommand.self,
            CleanCommand.self,
            SplitCommand.self,
            AnnotateCommand.self,
            CorrectCommand.self,
            ValidateCommand.self,
            ExportCommand.self,
            PackageCommand.self,
            StatsCommand.self,
            ReportCommand.self,
            DiffCommand.self,
            SnapshotTextCommand.self,
            EvaluateCommand.self,
            InitCommand.self,
        ]
    )
}
