import StandoffTestSupport
import Testing
@testable import StandoffCore

/// One example written on a rule line (or in a code rule's description) and what it must show,
/// remembering the file and line it was written on.
struct RuleExample: Sendable, CustomTestStringConvertible {
    /// Which mentions an entity example's line is answerable for.
    enum MentionOwner: Sendable {
        /// A gazetteer entry: mentions with its id, whatever rule linked them.
        case entity(String)
        /// A pattern line: mentions it produced.
        case rule(String)
        /// The stop-word line: mentions any pattern produced.
        case anyPattern
    }

    /// What running the example must show.
    enum Expectation: Sendable {
        /// Boilerplate: `clean` removes the line for this rule (`removes`), or not for it.
        case boilerplate(removes: Bool, tail: Bool)
        /// Abbreviations: the splitter cuts the text into exactly these sentences.
        case sentences([String])
        /// Entities: `[…]` marks exactly the owned mentions (`found`), or there is none.
        case mentions(owner: MentionOwner, found: Bool)
        /// Stance targets: the sentence refers to the target, or does not.
        case target(id: String, refers: Bool)
        /// Stance cues and rules in code: the rule fires (or must not), with this label and holder if given.
        case stance(label: String?, holder: String?, fires: Bool)
        /// Stance holders: the `[…]` mention holds the sentence (`fires`), or the author does.
        case holder(fires: Bool)
    }

    /// The file as the rules name it (`annotations/rules/boilerplate.jsonl`), or a Swift source path.
    let file: String
    /// 1-based line in that file.
    let line: Int
    /// The rule's id.
    let rule: String
    /// `match`, `no_match` or `examples`: the key the example was written under.
    let key: String
    let text: String
    let expectation: Expectation

    /// `file:line`, the way compilers name a place.
    var location: String { "\(file):\(line)" }

    var testDescription: String { "\(location) \(rule) \(key): \(text)" }

    /// Where a failure is shown: the rule file's line, so an editor jumps to it.
    var sourceLocation: SourceLocation {
        let path = file.hasPrefix("/") ? file : Repository.path(file)
        return SourceLocation(fileID: "StandoffCoreTests/" + (file.split(separator: "/").last.map(String.init) ?? file),
                              filePath: path, line: line, column: 1)
    }
}
