/// Everything that stops the core pipeline; each message names the place and the fix.
public enum StandoffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A raw file is not valid UTF-8; `offset` is the byte offset of the first bad byte.
    case invalidUTF8(file: String, offset: Int)
    /// A raw file holds a NUL byte, so it is binary rather than text.
    case nulByte(file: String, offset: Int)
    /// A raw file is empty or holds only white space.
    case emptyFile(file: String)
    /// A rule file line does not parse or breaks a rule's contract.
    case invalidRule(file: String, line: Int, reason: String)
    /// A pipeline lists a stage before the stages that produce what it reads.
    case stageOrder(stage: String, missing: [String])
    /// A document breaks a dataset invariant.
    case invariant(document: String, sentence: String?, invariant: String, detail: String)
    /// Several input errors found in one run, reported together.
    case multiple([StandoffError])

    public var description: String {
        switch self {
        case let .invalidUTF8(file, offset):
            return "\(file): byte \(offset): not valid UTF-8; re-save the file as UTF-8 (raw files are never changed by Standoff)"
        case let .nulByte(file, offset):
            return "\(file): byte \(offset): NUL byte, so this looks like a binary file; remove it from the raw folder or replace it with the article's text"
        case let .emptyFile(file):
            return "\(file): the file is empty; remove it or put the article's text in it"
        case let .invalidRule(file, line, reason):
            return "\(file):\(line): \(reason)"
        case let .stageOrder(stage, missing):
            return "stage '\(stage)' reads \(missing.joined(separator: ", ")), which no earlier stage assigns; put the stages that assign them first"
        case let .invariant(document, sentence, invariant, detail):
            let place = sentence.map { "\(document)/\($0)" } ?? document
            return "\(place): invariant '\(invariant)' violated: \(detail)"
        case let .multiple(errors):
            return errors.map(\.description).joined(separator: "\n")
        }
    }
}
