import ArgumentParser
import Foundation
import StandoffCore

/// `standoff snapshot-text FILE`: a snapshot file as readable lines, for `git diff`.
struct SnapshotTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot-text",
        abstract: "Print an annotation snapshot file as one readable line per sentence: label, holder, text with mentions marked, cues.",
        discussion: """
        Made to be git's text conversion for annotations/documents/*.jsonl, so that 'git diff' shows a \
        rule change as the sentences whose label, mentions or cues changed. The repository's \
        .gitattributes names the driver (annotations/documents/*.jsonl diff=standoff); set it up once \
        per clone with:

          git config diff.standoff.textconv '.build/release/standoff snapshot-text'

        A line that is not a snapshot line is printed unchanged.
        """
    )

    @Argument(help: ArgumentHelp("A snapshot file, e.g. annotations/documents/<doc_id>.jsonl.", valueName: "file"))
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("standoff: error: \(file): cannot read the file\n".utf8))
            throw ExitCode.failure
        }
        print(SnapshotText.render(String(decoding: data, as: UTF8.self)), terminator: "")
    }
}
