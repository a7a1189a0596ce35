import ArgumentParser
import Testing
@testable import standoff

/// `standoff correct line` takes exactly one of --keep and --remove, and its usage says so.
@Suite("correct line")
struct CorrectCommandTests {
    static let line = ["correct", "line", "001_a81becba0192857b", "9"]
    static let attribution = ["--by", "A. Reviewer", "--why", "The standfirst is the author's."]

    @Test func usageShowsTheFlagsAsAlternatives() {
        let help = Standoff.helpMessage(for: LineCorrection.self, columns: 80)
        #expect(help.contains("USAGE: standoff correct line [<options>] <document-id> <line> (--keep | --remove) --by <by> --why <why>"), "\(help)")
    }

    @Test(arguments: [(["--keep"], LineCorrection.Decision.keep), (["--remove"], .remove)])
    func eitherFlagAlonePasses(_ flag: [String], _ decision: LineCorrection.Decision) throws {
        let command = try #require(try Standoff.parseAsRoot(Self.line + flag + Self.attribution) as? LineCorrection)
        #expect(command.decision == decision)
    }

    @Test(arguments: [[], ["--keep", "--remove"]])
    func neitherOrBothFlagsAreRefused(_ flags: [String]) {
        #expect(throws: (any Error).self) { try Standoff.parseAsRoot(Self.line + flags + Self.attribution) }
    }
}
