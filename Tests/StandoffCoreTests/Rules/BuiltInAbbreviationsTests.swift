import Foundation
import StandoffTestSupport
import Testing
@testable import StandoffCore

/// The copy of `annotations/rules/abbreviations.jsonl` compiled into the program stays the file,
/// byte for byte: the Swift source holding it is generated from the file, and this test fails
/// with the command that regenerates it when the two differ.
@Suite("Built-in abbreviations")
struct BuiltInAbbreviationsTests {
    static let ruleFile = "annotations/rules/" + RuleSet.FileName.abbreviations
    static let sourceFile = "Sources/StandoffCore/Rules/AbbreviationLexicon+BuiltIn.swift"
    static let command = "STANDOFF_UPDATE_BUILTIN=1 swift test --filter BuiltInAbbreviationsTests"

    /// The Swift source that holds `contents` as ``AbbreviationLexicon/builtInRuleFile``.
    static func source(holding contents: String) -> String {
        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "    " + $0 }
        return """
        // Generated from \(ruleFile) by `\(command)`; do not edit.

        extension AbbreviationLexicon {
            /// What the built-in lexicon's lines name as their file.
            public static let builtInFile = "\(RuleSet.FileName.abbreviations) (built in)"

            /// The text of `\(ruleFile)` as it was when the program was built, so the splitter
            /// works outside a project folder (`standoff split --stdin`).
            public static let builtInRuleFile = #\"\"\"
        \(lines.joined(separator: "\n"))

            \"\"\"#

            /// The built-in rule file, decoded.
            public static let builtIn: AbbreviationLexicon = try! decode(file: builtInFile, contents: builtInRuleFile)
        }

        """
    }

    @Test func theBuiltInCopyIsTheRuleFile() throws {
        let contents = try Repository.text(Self.ruleFile)
        let expected = Self.source(holding: contents)
        if ProcessInfo.processInfo.environment["STANDOFF_UPDATE_BUILTIN"] == "1" {
            try expected.write(toFile: Repository.path(Self.sourceFile), atomically: true, encoding: .utf8)
            return
        }
        let actual = try? Repository.text(Self.sourceFile)
        #expect(actual == expected, "\(Self.sourceFile) is not generated from \(Self.ruleFile) as it stands; run: \(Self.command)")
        #expect(AbbreviationLexicon.builtInRuleFile == contents, "the program holds another abbreviations.jsonl; run: \(Self.command)")
    }

    @Test func theBuiltInLexiconSplitsAsTheFileDoes() throws {
        let file = try AbbreviationLexicon.decode(file: Self.ruleFile, contents: Repository.text(Self.ruleFile))
        #expect(AbbreviationLexicon.builtIn.rules.map(\.rule) == file.rules.map(\.rule))
        #expect(AbbreviationLexicon.builtIn.rules.allSatisfy { $0.file == AbbreviationLexicon.builtInFile })
        let text = "Dr. Lee arrived at 3 p.m. He left the U.S. on Friday."
        #expect(SentenceSplitter(lexicon: .builtIn).split(text) == SentenceSplitter(lexicon: file).split(text))
    }
}
