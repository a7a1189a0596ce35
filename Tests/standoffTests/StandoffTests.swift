import ArgumentParser
import Foundation
import StandoffBuild
import Testing
@testable import standoff

/// The command tree as a user meets it: the version, and help that can be copied from.
@Suite("standoff")
struct StandoffTests {
    /// Every command under `root`, by its full name, `root` first.
    static func commands(under root: ParsableCommand.Type = Standoff.self, named name: String = "standoff") -> [(name: String, type: ParsableCommand.Type)] {
        [(name, root)] + root.configuration.subcommands.flatMap { commands(under: $0, named: name + " " + $0._commandName) }
    }

    @Test func versionPrintsTheProgramsOwnVersion() throws {
        let result = try StandoffProgram.run(["--version"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == ProgramVersion.current + "\n")
        #expect(ProgramVersion.current.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil, "major.minor.patch")
    }

    /// Examples and commands in a discussion are its indented lines; at the default width each is
    /// shown exactly as written, never broken mid-command or stripped of its indentation.
    @Test func helpShowsEveryIndentedLineWhole() {
        for (name, command) in Self.commands() {
            let shown = Set(Standoff.helpMessage(for: command, columns: 80).split(separator: "\n").map(String.init))
            for line in command.configuration.discussion.split(separator: "\n").map(String.init) where line.hasPrefix("  ") {
                #expect(line.count <= preformattedWidth, "\(name) --help: \(line.count) columns, more than \(preformattedWidth): \(line)")
                #expect(shown.contains(line), "\(name) --help breaks this line: \(line)")
            }
        }
    }

    /// An option's help says its default once: "(default: …)" in its own words, or ArgumentParser's.
    @Test func everyOptionSaysItsDefaultOnce() {
        for (name, command) in Self.commands() {
            var option = ""
            for line in Standoff.helpMessage(for: command, columns: 80).split(separator: "\n").map(String.init) + ["  --"] {
                if line.hasPrefix("  -") || !line.hasPrefix("   ") {
                    let count = option.components(separatedBy: "default:").count - 1
                    #expect(count <= 1, "\(name) --help says the default \(count) times: \(option)")
                    option = ""
                }
                option += line
            }
        }
    }
}
