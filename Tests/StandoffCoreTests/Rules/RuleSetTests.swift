import Foundation
import StandoffTestSupport
import Testing
@testable import StandoffCore

/// Rule files as people save them: Windows line ends read the same; an emptied gazetteer is refused.
@Suite("Rule set")
struct RuleSetTests {
    static func contents() throws -> [String: String] {
        var contents: [String: String] = [:]
        for name in RuleSet.FileName.all { contents[name] = try Repository.text("annotations/rules/" + name) }
        return contents
    }

    @Test(arguments: ["\r\n", "\r"])
    func ruleFilesWithOtherLineEndsDecodeTheSame(_ ending: String) throws {
        let plain = try RuleSet(contents: Self.contents(), folder: "rules")
        var converted = try Self.contents()
        for (name, text) in converted { converted[name] = text.replacingOccurrences(of: "\n", with: ending) }
        let other = try RuleSet(contents: converted, folder: "rules")
        #expect(other.entities.gazetteer.entries.count == plain.entities.gazetteer.entries.count)
        #expect(other.boilerplate.rules.count == plain.boilerplate.rules.count)
        #expect(other.stance.cues.count == plain.stance.cues.count)
    }

    @Test func anEmptyGazetteerIsRefusedNamingTheFile() throws {
        var contents = try Self.contents()
        contents[RuleSet.FileName.gazetteer] = "\n"
        let error = #expect(throws: StandoffError.self) { try RuleSet(contents: contents, folder: "rules") }
        #expect("\(error.map { "\($0)" } ?? "")".contains("rules/gazetteer.jsonl"))
    }

    /// A misspelt party would silently turn every stance `none`; it is refused at its line.
    @Test func aTargetPartyThatIsNoEntityIsRefused() throws {
        var contents = try Self.contents()
        let targets = try #require(contents[RuleSet.FileName.stanceTargets])
        #expect(targets.contains(#""id": "japan""#))
        contents[RuleSet.FileName.stanceTargets] = targets.replacingOccurrences(of: #""id": "japan""#, with: #""id": "japann""#)
        do {
            _ = try RuleSet(contents: contents, folder: "rules")
            Issue.record("a target with the party 'japann' was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("rules/stance-targets.jsonl:1") && message.contains("'japann'"), "\(message)")
        }
    }
}
