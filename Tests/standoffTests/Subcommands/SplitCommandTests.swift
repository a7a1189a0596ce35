import Foundation
import StandoffTestSupport
import Testing

/// `standoff split --stdin` works in any folder, with the abbreviations built into the program.
@Suite("split --stdin")
struct SplitCommandTests {
    static let text = "👍🏽 Dr. Lee met U.S. officials at 3 p.m. on Monday. “It went well,” said Ms. Kim.\n\nNew paragraph here."

    @Test func outsideAProjectFolderItSplitsAsInsideOne() throws {
        let elsewhere = try TemporaryFolder()
        let inside = try StandoffProgram.run(["split", "--stdin"], input: Self.text)
        let outside = try StandoffProgram.run(["split", "--stdin"], input: Self.text, in: elsewhere.path)
        #expect(inside.status == 0 && outside.status == 0, "\(inside.errors)\(outside.errors)")
        #expect(outside.errors == "")
        #expect(outside.output == inside.output)
        #expect(outside.output.split(separator: "\n").count == 3, "\(outside.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "split --stdin writes nothing")
    }

    /// A folder named on the command line must hold the file; the built-in copy stands in only
    /// for the default one.
    @Test func anAnnotationsFolderGivenWithoutTheFileIsAnError() throws {
        let elsewhere = try TemporaryFolder()
        let result = try StandoffProgram.run(["split", "--stdin", "--annotations", "nope"], input: "One. Two.", in: elsewhere.path)
        #expect(result.status == 1)
        #expect(result.errors.contains("nope/rules/abbreviations.jsonl: the rule file is missing"), "\(result.errors)")
        #expect(result.errors.contains("--annotations DIR"), "\(result.errors)")
    }
}
