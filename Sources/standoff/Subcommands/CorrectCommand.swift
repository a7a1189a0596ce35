import ArgumentParser
import StandoffBuild
import StandoffCore

/// `standoff correct`: runs the correct stage, or records a correction in annotations/corrections.jsonl.
struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Correct.description.identifier,
        abstract: "Apply corrections (the 'correct' stage), or record one: 'standoff correct stance|mention|line …'.",
        discussion: """
        Corrections live in annotations/corrections.jsonl, one JSON object per line, each pinned to a \
        fingerprint of the text it corrects; these subcommands write well-formed lines for you. \
        Run 'make dataset' afterwards: corrected rows carry source 'correction'. A correction whose \
        text has changed is reported as stale and not applied.

        Examples (each a command over several lines):
          standoff correct stance 004_d6e38f2de65e90c7-s0003 \\
            --target japan-dprk-dialogue --label favor \\
            --by "A. Reviewer" --why "Argues for talks."
          standoff correct mention add 004_d6e38f2de65e90c7-s0028 \\
            --text "Hayashi Yoshimasa" --type PERSON --entity yoshimasa-hayashi \\
            --by "A. Reviewer" --why "The rules missed the name."
          standoff correct line 001_a81becba0192857b 9 --keep \\
            --by "A. Reviewer" --why "The standfirst is the author's."
        """,
        subcommands: [ApplyCorrections.self, StanceCorrection.self, MentionCorrection.self, LineCorrection.self],
        defaultSubcommand: ApplyCorrections.self
    )
}

/// Who made a correction and why: every correction says both.
struct Attribution: ParsableArguments {
    @Option(help: "Who makes the correction.") var by: String
    @Option(help: "Why, in one sentence a reviewer can check.") var why: String
}

/// `standoff correct apply`: the stage itself.
struct ApplyCorrections: ParsableCommand {
    static let configuration: CommandConfiguration = {
        var configuration = stageConfiguration(Correct.description)
        configuration.commandName = "apply"
        return configuration
    }()
    @OptionGroup var build: BuildOptionGroup
    func run() throws { try runStage(Correct.description, options: build) }
}

/// `standoff correct stance`.
struct StanceCorrection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stance", abstract: "Set a sentence's stance label and/or holder for a target.")
    @OptionGroup var build: BuildOptionGroup
    @Argument(help: "The sentence id, as in data/sentences.") var sentenceID: String
    @Option(help: "Stance target id.") var target: String
    @Option(help: "favor, against or none.") var label: String?
    @Option(help: "author, unnamed, or the speaker's entity id.") var holder: String?
    @OptionGroup var attribution: Attribution

    func validate() throws {
        if label == nil && holder == nil { throw ValidationError("give --label, --holder or both") }
        if let label, !Validate.stanceLabels.contains(label) { throw ValidationError("--label must be favor, against or none") }
    }

    func run() throws {
        try reportingErrors {
            let recorder = CorrectionRecorder(build: DatasetBuild(options: try build.options()))
            print(try recorder.stance(sentenceID: sentenceID, target: target, label: label, holder: holder, by: attribution.by, why: attribution.why))
        }
    }
}

/// `standoff correct mention add|remove|retype`.
struct MentionCorrection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mention", abstract: "Add, remove or retype a mention in a sentence.")
    enum Change: String, ExpressibleByArgument, CaseIterable { case add, remove, retype }
    @OptionGroup var build: BuildOptionGroup
    @Argument(help: "add, remove or retype.") var change: Change
    @Argument(help: "The sentence id, as in data/sentences.") var sentenceID: String
    @Option(help: "The mention's exact text in the sentence.") var text: String
    @Option(help: "Which occurrence of --text in the sentence (1 = first).") var occurrence = 1
    @Option(help: "PERSON, GPE, ORG, NORP or EVENT.") var type: String?
    @Option(help: "Entity id.") var entity: String?
    @Option(help: "Entity's canonical name.") var entityName: String?
    @OptionGroup var attribution: Attribution

    func validate() throws {
        if change == .add && (type == nil || entity == nil) { throw ValidationError("'add' needs --type and --entity") }
        if change == .retype && type == nil && entity == nil { throw ValidationError("'retype' needs --type, --entity or both") }
        if let type, !Validate.mentionTypes.contains(type) { throw ValidationError("--type must be one of \(Validate.mentionTypes.sorted().joined(separator: ", "))") }
    }

    func run() throws {
        let action: Correction.Action = switch change {
        case .add: .addMention
        case .remove: .removeMention
        case .retype: .retypeMention
        }
        try reportingErrors {
            let recorder = CorrectionRecorder(build: DatasetBuild(options: try build.options()))
            print(try recorder.mention(action, sentenceID: sentenceID, text: text, occurrence: occurrence, type: type,
                                       entityID: entity, entityName: entityName, by: attribution.by, why: attribution.why))
        }
    }
}

/// `standoff correct line`.
struct LineCorrection: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line",
        abstract: "Mark a raw line as body (--keep) or boilerplate (--remove).",
        // ArgumentParser lists an exclusive pair of flags as if both were required.
        usage: "standoff correct line [<options>] <document-id> <line> (--keep | --remove) --by <by> --why <why>"
    )
    @OptionGroup var build: BuildOptionGroup
    @Argument(help: "The document id.") var documentID: String
    @Argument(help: "1-based raw line number, as in data/removed.") var line: Int
    @Flag(exclusivity: .exclusive, help: "Keep the line in the body, or remove it.") var decision: Decision
    @OptionGroup var attribution: Attribution

    enum Decision: EnumerableFlag { case keep, remove }

    func run() throws {
        try reportingErrors {
            let recorder = CorrectionRecorder(build: DatasetBuild(options: try build.options()))
            print(try recorder.line(documentID: documentID, line: line, keep: decision == .keep, by: attribution.by, why: attribution.why))
        }
    }
}
