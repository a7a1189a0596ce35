import ArgumentParser
import StandoffBuild
import StandoffCore

/// The help text of a single-stage command, taken from the stage's own description.
func stageConfiguration(_ description: StageDescription) -> CommandConfiguration {
    var discussion = """
    Runs the stages up to and including '\(description.identifier)' and writes \
    build/\(description.identifier).jsonl, one JSON object per document.
    Reads: \(description.requires.sorted().map(\.rawValue).joined(separator: ", ")). \
    Assigns: \(description.assigns.sorted().map(\.rawValue).joined(separator: ", ")).
    """
    if !description.examples.isEmpty {
        discussion += "\n\nExamples:\n" + description.examples.map { "  \($0.input)\n    → \($0.output)" }.joined(separator: "\n")
    }
    return CommandConfiguration(commandName: description.identifier, abstract: description.summary, discussion: discussion)
}

/// Runs the pipeline through `description`'s stage and reports.
func runStage(_ description: StageDescription, options: BuildOptionGroup) throws {
    try reportingErrors {
        let (summary, path) = try options.writing { options in
            (try DatasetBuild(options: options).runStage(description.identifier), options.stageOutputPath(description.identifier))
        }
        report(summary, wrote: [path])
    }
}

/// `standoff ingest`.
struct IngestCommand: ParsableCommand {
    static let configuration = stageConfiguration(Ingest.description)
    @OptionGroup var build: BuildOptionGroup
    func run() throws { try runStage(Ingest.description, options: build) }
}

/// `standoff clean`.
struct CleanCommand: ParsableCommand {
    static let configuration = stageConfiguration(Clean.description)
    @OptionGroup var build: BuildOptionGroup
    func run() throws { try runStage(Clean.description, options: build) }
}

/// `standoff annotate`.
struct AnnotateCommand: ParsableCommand {
    static let configuration = stageConfiguration(Annotate.description)
    @OptionGroup var build: BuildOptionGroup
    func run() throws { try runStage(Annotate.description, options: build) }
}

/// `standoff validate`.
struct ValidateCommand: ParsableCommand {
    static let configuration = stageConfiguration(Validate.description)
    @OptionGroup var build: BuildOptionGroup
    func run() throws { try runStage(Validate.description, options: build) }
}
