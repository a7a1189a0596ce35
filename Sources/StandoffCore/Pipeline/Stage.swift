/// One step of the pipeline: a value that reads some fields of a document and assigns others.
///
/// A stage does no I/O. It receives its rules, already decoded, when it is created, and
/// reports recoverable problems as ``Diagnostic`` values; only problems that make the
/// document unusable are thrown.
public protocol Stage: Sendable {
    /// Identifier, summary, what the stage reads and assigns, and examples.
    static var description: StageDescription { get }

    /// Runs the stage over one document.
    func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws
}

/// The parts of a document a stage can read or assign.
public enum DocumentField: String, Sendable, CaseIterable, Comparable {
    case rawBytes = "raw bytes"
    case rawText = "raw text"
    case metadata
    case body
    case removedLines = "removed lines"
    case sentences
    case mentions
    case stances
    case validated
    case rendered

    public static func < (lhs: DocumentField, rhs: DocumentField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a stage is: the same identifier is used for its CLI subcommand, its Makefile target,
/// its file under `build/` and its diagnostics.
public struct StageDescription: Sendable {
    /// Stable identifier, e.g. `clean`.
    public var identifier: String
    /// One sentence: what the stage does.
    public var summary: String
    /// Fields the stage reads; an earlier stage must assign each.
    public var requires: Set<DocumentField>
    /// Fields the stage writes.
    public var assigns: Set<DocumentField>
    /// Short illustrations of the stage's behaviour, shown by `--help` and run by the tests.
    public var examples: [StageExample]

    /// Creates a description.
    public init(identifier: String, summary: String, requires: Set<DocumentField>, assigns: Set<DocumentField>, examples: [StageExample] = []) {
        self.identifier = identifier
        self.summary = summary
        self.requires = requires
        self.assigns = assigns
        self.examples = examples
    }
}

/// An input and what the stage makes of it, in words a reader can check.
public struct StageExample: Sendable {
    /// The input, e.g. raw file text.
    public var input: String
    /// What the stage produces from it.
    public var output: String

    /// Creates an example.
    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }
}
