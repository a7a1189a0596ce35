/// A problem found while processing, kept as a value so a run can report every one of them.
///
/// Warnings let the run go on (`--strict` turns them into failures); errors stop it before
/// anything is packaged.
public struct Diagnostic: Sendable, Equatable, Comparable {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Warning or error.
    public var severity: Severity
    /// The identifier of the stage that found it, e.g. `ingest`.
    public var stage: String
    /// A stable code for the kind of problem, e.g. `duplicate-content`.
    public var code: String
    /// Where: a file, `file:line`, a document or `document/sentence`.
    public var location: String
    /// One sentence saying what is wrong and how to fix it.
    public var message: String

    /// Creates a diagnostic.
    public init(severity: Severity, stage: String, code: String, location: String, message: String) {
        self.severity = severity
        self.stage = stage
        self.code = code
        self.location = location
        self.message = message
    }

    /// `location: severity: message [code]`, the shape compilers use.
    public var rendered: String {
        "\(location): \(severity.rawValue): \(message) [\(code)]"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.stage, lhs.code, lhs.message) < (rhs.location, rhs.stage, rhs.code, rhs.message)
    }
}

extension Diagnostic: Packable {
    /// The location is the diagnostic's own; stage, code and message repeat across documents and are pooled.
    public func pack(into writer: inout PackWriter) {
        writer.write(pooled: severity.rawValue)
        writer.write(pooled: stage)
        writer.write(pooled: code)
        writer.write(location)
        writer.write(pooled: message)
    }

    public init(unpacking reader: inout PackReader) {
        self.init(severity: Severity(rawValue: reader.readPooled())!, stage: reader.readPooled(), code: reader.readPooled(),
                  location: reader.readString(), message: reader.readPooled())
    }
}
