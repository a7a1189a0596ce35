import ArgumentParser
import Foundation
import StandoffBuild

/// `standoff init DIR`: a project folder for a corpus of one's own.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a project folder for your own corpus: raw/ for the articles, annotations/ with a dataset.json to edit and a copy of the rules.",
        discussion: """
        Writes DIR/raw/ (the articles go there: one *.txt file each), DIR/annotations/dataset.json \
        (the dataset's name, title, licence and description: edit every value that starts with \
        '\(ProjectTemplate.placeholderMarker)'; the name comes from DIR's), DIR/annotations/rules/ (a copy \
        of the rule files, to adapt), an empty DIR/annotations/corrections.jsonl, and DIR/README.md \
        saying what each is. Then:

          cp ~/articles/*.txt DIR/raw/
          cd DIR && standoff run

        The rule files are copied from --annotations; without it, from annotations/ in this folder \
        when it holds rules, else from the Standoff folder this program was built in. DIR must not \
        exist yet, or be an empty folder: nothing is ever written over.
        """
    )

    @Argument(help: ArgumentHelp("The project folder to create.", valueName: "dir"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("Annotations folder whose rules/ are copied.", valueName: "dir"))
    var annotations: String?

    func run() throws {
        try reportingErrors {
            let source = try ProjectTemplate.ruleSource(given: annotations, workingAnnotations: FolderOptionGroup.defaultAnnotations,
                                                        program: Bundle.main.executablePath)
            let template = ProjectTemplate(folder: folder, released: Self.today())
            let written = try template.create(rulesFrom: source)
            print("created \(folder)/ (dataset '\(template.name)'): \(written.count) files, the rules copied from \(source)/rules/")
            print("next: put the articles in \(folder)/raw/ (*.txt), edit the values starting '\(ProjectTemplate.placeholderMarker)' in \(folder)/annotations/dataset.json, then: cd \(folder) && standoff run")
        }
    }

    /// Today's date in UTC, `YYYY-MM-DD`: the new dataset's release date until it is edited.
    static func today() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
