import Foundation
import StandoffBuild
import StandoffCore
import StandoffTestSupport
import Testing

/// Rule files read from the annotations folder: a missing one says how to fix it, and the
/// splitter alone works without any.
@Suite("Rule loading")
struct RuleLoadingTests {
    /// An annotations folder holding the project's rule files but `leaving` out.
    func annotations(leaving left: Set<String>) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in RuleSet.FileName.all where !left.contains(name) {
            try folder.write("rules/" + name, Array(try Repository.text("annotations/rules/" + name).utf8))
        }
        return folder
    }

    func build(_ annotations: TemporaryFolder) -> DatasetBuild {
        DatasetBuild(options: BuildOptions(annotationsFolder: annotations.path))
    }

    @Test func aMissingRuleFileSaysToRestoreItOrPassAnnotations() throws {
        let folder = try annotations(leaving: [RuleSet.FileName.boilerplate])
        let error = #expect(throws: BuildError.self) { try build(folder).loadRules() }
        #expect(error?.description == "\(folder.path)/rules/boilerplate.jsonl: the rule file is missing; restore it from version control, or run standoff inside the project folder (the one holding annotations/), or pass --annotations DIR")
    }

    @Test func noRuleFilesAtAllSaysWhereToRun() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: BuildError.self) { try build(folder).loadRules() }
        #expect(error?.description == "\(folder.path)/rules: no rule files here; run standoff inside the project folder (the one holding annotations/), or pass --annotations DIR")
    }

    @Test func abbreviationsComeFromTheFileWhenThereIsOne() throws {
        let folder = try annotations(leaving: [])
        let lexicon = try build(folder).loadAbbreviations(builtInWhenAbsent: true)
        #expect(lexicon.rules.first?.file == folder.path + "/rules/abbreviations.jsonl")
    }

    @Test func withoutTheFileTheBuiltInAbbreviationsServeOnlyWhenAllowed() throws {
        let folder = try TemporaryFolder()
        let lexicon = try build(folder).loadAbbreviations(builtInWhenAbsent: true)
        #expect(lexicon.rules.first?.file == AbbreviationLexicon.builtInFile)
        #expect(lexicon.rules.count == AbbreviationLexicon.builtIn.rules.count)
        let error = #expect(throws: BuildError.self) { try build(folder).loadAbbreviations(builtInWhenAbsent: false) }
        #expect(error?.description.hasPrefix("\(folder.path)/rules/abbreviations.jsonl: the rule file is missing") == true)
    }
}
