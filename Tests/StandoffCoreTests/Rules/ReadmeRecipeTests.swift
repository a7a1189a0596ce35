import Foundation
import StandoffTestSupport
import Testing
@testable import StandoffCore

/// The README's rule lines hold, so following it exactly never breaks `make test`: each fenced
/// block marked ```` ```json recipe annotations/rules/FILE ```` is a line to add, and is added to
/// a copy of the rule files in a temporary annotations folder whose every example must then hold;
/// each block marked ```` ```json in-file annotations/rules/FILE ```` quotes a line that must be
/// in that file as written.
@Suite("README recipes")
struct ReadmeRecipeTests {
    /// One rule line the README shows.
    struct Quoted: Sendable {
        enum Kind: String, Sendable { case recipe, inFile = "in-file" }
        let kind: Kind
        /// The rule file, e.g. `annotations/rules/stance-cues.jsonl`.
        let file: String
        /// The line's number in README.md.
        let readmeLine: Int
        let text: String
    }

    /// The rule lines of every marked block, and the README lines of `json` blocks that look like
    /// rule lines but carry no marker.
    static func quotedLines(_ readme: String) -> (lines: [Quoted], unmarked: [Int]) {
        var lines: [Quoted] = []
        var unmarked: [Int] = []
        var open: (info: [Substring], line: Int)?
        for (index, line) in readme.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                open = open == nil ? (trimmed.dropFirst(3).split(separator: " "), index + 1) : nil
                continue
            }
            guard let block = open, block.info.first == "json", trimmed.hasPrefix("{") else { continue }
            if block.info.count == 3, let kind = Quoted.Kind(rawValue: String(block.info[1])) {
                lines.append(Quoted(kind: kind, file: String(block.info[2]), readmeLine: index + 1, text: trimmed))
            } else if trimmed.contains(#""id""#) && !unmarked.contains(block.line) {
                unmarked.append(block.line)
            }
        }
        return (lines, unmarked)
    }

    static let readme: String = try! Repository.text("README.md")

    @Test func everyRuleLineInTheReadmeIsMarked() {
        let (lines, unmarked) = Self.quotedLines(Self.readme)
        #expect(unmarked == [], "README.md lines \(unmarked): mark the block 'json recipe annotations/rules/FILE' or 'json in-file annotations/rules/FILE'")
        // The two recipes the README walks through: a boilerplate rule and a stance cue.
        let recipes = Set(lines.filter { $0.kind == .recipe }.map(\.file))
        #expect(recipes.isSuperset(of: ["annotations/rules/boilerplate.jsonl", "annotations/rules/stance-cues.jsonl"]), "\(recipes)")
    }

    @Test func quotedLinesAreInTheirFiles() throws {
        for quoted in Self.quotedLines(Self.readme).lines where quoted.kind == .inFile {
            let file = try Repository.text(quoted.file)
            #expect(file.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == quoted.text },
                    "README.md:\(quoted.readmeLine): this line is not in \(quoted.file) as written; copy it from there again")
        }
    }

    /// Copies the rule files into a temporary annotations folder, adds every recipe line to the end
    /// of its file, and runs every key check and every example of the result.
    @Test func recipesAddedToTheRuleFilesHold() throws {
        let recipes = Self.quotedLines(Self.readme).lines.filter { $0.kind == .recipe }
        let folder = try TemporaryFolder()
        // README line of each added line, by the file and line it becomes.
        var origin: [String: Int] = [:]
        for name in RuleSet.FileName.all {
            let path = "annotations/rules/" + name
            var text = try Repository.text(path)
            if !text.hasSuffix("\n") { text += "\n" }
            var count = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            for recipe in recipes where recipe.file == path {
                text += recipe.text + "\n"
                count += 1
                origin["\(path):\(count)"] = recipe.readmeLine
            }
            try folder.write(path, Array(text.utf8))
        }
        #expect(origin.count == recipes.count, "a recipe names a file that is not a rule file: \(recipes.map(\.file))")

        var contents: [String: String] = [:]
        for name in RuleSet.FileName.all {
            contents[name] = String(decoding: try folder.read("annotations/rules/" + name), as: UTF8.self)
        }
        /// Records a `file:line: …` failure, at the README's own line when the line was a recipe.
        func record(_ message: String) {
            for (location, line) in origin where message.hasPrefix(location + ":") {
                Issue.record(Comment(rawValue: "README.md:\(line) (added as \(location))" + message.dropFirst(location.count)),
                             sourceLocation: SourceLocation(fileID: "StandoffCoreTests/README.md", filePath: Repository.path("README.md"), line: line, column: 1))
                return
            }
            Issue.record(Comment(rawValue: message + " (with the README's recipes added)"))
        }
        for problem in RuleExampleRunner.keyProblems(contents: contents, folder: "annotations/rules") { record(problem) }
        let rules: RuleSet
        do {
            rules = try RuleSet(contents: contents, folder: "annotations/rules")
        } catch {
            record("\(error)")
            return
        }
        let runner = RuleExampleRunner(rules: rules)
        let examples = runner.examples
        #expect(origin.keys.allSatisfy { location in examples.contains { $0.location == location } }, "every recipe has examples")
        for example in examples {
            for emoji in [false, true] {
                for failure in runner.failures(of: example, emoji: emoji) { record(failure) }
            }
        }
        for problem in runner.linesWithoutExamples { record(problem) }
    }
}
