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
        discussion += "\n\nExamples:\n" + description.examples.map(exampleLines).joined(separator: "\n")
    }
    return CommandConfiguration(commandName: description.identifier, abstract: description.summary, discussion: discussion)
}

/// The widest line `--help` shows as written. ArgumentParser wraps help to the terminal (80
/// columns when it cannot tell) and keeps only lines that end before the last column, so examples
/// and commands are laid out to this width by hand, indented, instead of being broken mid-word.
let preformattedWidth = 79

/// A stage example for `--help`: each input line indented, then `→` and the output, every line
/// within ``preformattedWidth`` and continued under its own indentation.
func exampleLines(_ example: StageExample) -> String {
    let input = example.input.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
        hangingLines(String($0), first: "  ", rest: "    ")
    }
    return (input + hangingLines(example.output, first: "    → ", rest: "      ")).joined(separator: "\n")
}

/// `text` broken at spaces into lines of at most ``preformattedWidth`` characters, the first
/// starting with `first` and the others with `rest`; a word longer than a line stays whole.
func hangingLines(_ text: String, first: String, rest: String) -> [String] {
    var lines: [String] = []
    var line = first
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
        let start = lines.isEmpty ? first : rest
        if line != start, line.count + 1 + word.count > preformattedWidth {
            lines.append(line)
            line = rest + word
        } else {
            line += (line == start ? "" : " ") + word
        }
    }
    return lines + [line]
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
