import Foundation
import StandoffCore

/// A new project folder for a corpus of one's own (`standoff init DIR`): `raw/` for the articles,
/// `annotations/` with a `dataset.json` to edit, a copy of the rule files to adapt and an empty
/// corrections file, so that `standoff run` in that folder builds a dataset of its own name.
public struct ProjectTemplate: Sendable {
    /// How every value the user must replace in the new `dataset.json` begins; a build warns while
    /// any is left (see ``ManifestCheck``).
    public static let placeholderMarker = "EDIT:"
    /// The dataset name when the folder's name gives no usable one.
    public static let fallbackName = "my-corpus"

    /// The folder to create.
    public let folder: String
    /// The dataset's machine name, from the folder's name.
    public let name: String
    /// The release date written into `dataset.json`, `YYYY-MM-DD`.
    public let released: String

    /// A template for `folder`, released on `released` (`YYYY-MM-DD`; the caller knows the date).
    public init(folder: String, released: String) {
        self.folder = folder
        self.released = released
        name = Self.datasetName(folderName: URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent)
    }

    /// `Harbour Lease 2025` → `harbour-lease-2025`: lowercase letters and digits, runs of anything
    /// else one hyphen, as `dataset.json` requires of `name`.
    public static func datasetName(folderName: String) -> String {
        var name = ""
        for scalar in folderName.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty, !name.hasSuffix("-") {
                name += "-"
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? fallbackName : name
    }

    /// The annotations folder whose rules `standoff init` copies: `given` when the user named one;
    /// else `annotations/` in the working folder when it has rules, else the one of the Standoff
    /// folder the program at `program` was built in (`<checkout>/.build/…/standoff`), so `init`
    /// works in any folder.
    ///
    /// - Throws: ``BuildError/missingRuleFiles(folder:names:)`` when none is there.
    public static func ruleSource(given: String?, workingAnnotations: String, program: String?) throws -> String {
        if let given { return given }
        if let found = shippedRuleSource(workingAnnotations: workingAnnotations, program: program) { return found }
        throw BuildError.missingRuleFiles(folder: workingAnnotations + "/rules", names: RuleSet.FileName.all)
    }

    private static func shippedRuleSource(workingAnnotations: String, program: String?) -> String? {
        if Self.hasRules(workingAnnotations) { return workingAnnotations }
        guard let program else { return nil }
        var folder = URL(fileURLWithPath: program).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let annotations = folder.appendingPathComponent("annotations").path
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), Self.hasRules(annotations) {
                return annotations
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    private static func hasRules(_ annotations: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: annotations + "/rules", isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Creates the folder with every file of the template, the rule files copied from
    /// `<annotations>/rules/`, and returns the paths written, relative to the folder.
    ///
    /// - Throws: ``BuildError/projectFolderInUse(path:reason:)`` when the folder exists and is not an
    ///   empty folder; ``BuildError/missingRuleFiles(folder:names:)`` when a rule file is missing
    ///   (nothing is written then).
    public func create(rulesFrom annotations: String) throws -> [String] {
        let rules = try ruleFiles(from: annotations + "/rules")
        var isDirectory: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
        if existed {
            guard isDirectory.boolValue else { throw BuildError.projectFolderInUse(path: folder, reason: "is a file") }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            guard contents.isEmpty else { throw BuildError.projectFolderInUse(path: folder, reason: "exists and is not empty") }
        }
        let files = self.files + rules.map { ("annotations/rules/" + $0.name, $0.text) }
        do {
            try FileOutput.makeFolder(folder + "/raw")
            for (path, text) in files {
                try FileOutput.makeFolder(URL(fileURLWithPath: folder + "/" + path).deletingLastPathComponent().path)
                try FileOutput.write(text, to: folder + "/" + path)
            }
        } catch {
            // A half-made project would be refused by the next `standoff init` of the same folder.
            if !existed { FileOutput.remove(folder) }
            throw error
        }
        return files.map(\.0).sorted()
    }

    /// Every regular file of the rules folder, by name; the rule files the pipeline reads must be among them.
    func ruleFiles(from rulesFolder: String) throws -> [(name: String, text: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: rulesFolder)) ?? []).sorted()
        let missing = RuleSet.FileName.all.filter { !names.contains($0) }
        guard missing.isEmpty else { throw BuildError.missingRuleFiles(folder: rulesFolder, names: missing) }
        return names.compactMap { name in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: rulesFolder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: rulesFolder + "/" + name) else { return nil }
            return (name, String(decoding: data, as: UTF8.self))
        }
    }

    /// The template's own files (the rule files aside), by path inside the folder.
    var files: [(String, String)] {
        [
            ("README.md", readme),
            (".gitignore", "build/\n"),
            ("raw/README.md", "Put the articles here: one plain-text file per article (`*.txt`, UTF-8); the file name without `.txt` is the document id. Other files, such as this one, are not read.\n"),
            ("annotations/dataset.json", manifest),
            // People's corrections, one JSON object per line, recorded with `standoff correct`.
            ("annotations/corrections.jsonl", ""),
        ]
    }

    /// `annotations/dataset.json`: every value the user must write starts with the marker.
    var manifest: String {
        let edit = Self.placeholderMarker
        return """
        {
          "name": "\(name)",
          "version": "0.1.0",
          "title": "\(edit) the dataset's title, as the card and the citation show it",
          "description": "\(edit) one paragraph on what the articles are (outlets, years, topic, how they were collected) and what was annotated.",
          "intended_use": "\(edit) who the dataset is for and what it suits, e.g. research on how local papers argue about a harbour lease.",
          "license": "CC-BY-4.0",
          "license_note": "\(edit) what the licence covers and what it does not, e.g. The annotations, segmentation and metadata are released under CC BY 4.0; the article texts remain the copyright of their authors and publishers.",
          "license_name": "cc-by-4.0-annotations-texts-reserved",
          "released": "\(released)",
          "creators": [
            "\(edit) your name, or your team's"
          ],
          "keywords": [],
          "changes": [
            {
              "version": "0.1.0",
              "summary": "\(edit) what this version holds, e.g. First release: 40 articles from three outlets."
            }
          ],
          "card_metadata": {
            "language": [
              "en"
            ],
            "task_categories": [
              "text-classification",
              "token-classification"
            ],
            "task_ids": [
              "multi-class-classification",
              "named-entity-recognition"
            ],
            "annotations_creators": [
              "machine-generated"
            ],
            "language_creators": [
              "found"
            ],
            "multilinguality": [
              "monolingual"
            ],
            "source_datasets": [
              "original"
            ],
            "default_table": "documents"
          },
          "quality": {
            "method": "Not measured on this corpus yet: label a sample of its articles by hand, score the rules with `standoff evaluate --raw sample/raw --gold sample/gold`, and list the figures under `quality.sets` in annotations/dataset.json.",
            "sets": [],
            "caveat": "The rules were written for another corpus; measure them on a hand-labelled sample of this one before relying on them, stance above all."
          }
        }

        """
    }

    /// `README.md` of the new folder: what to do next.
    var readme: String {
        """
        # \(name)

        A Standoff project: the articles in `raw/`, what is made of them in `annotations/`.

        1. Put the articles in `raw/`: one plain-text file per article (`*.txt`, UTF-8).
        2. Edit `annotations/dataset.json`: every value that starts with `\(Self.placeholderMarker)` (title,
           description, intended use, licence note, creators, the change note). `name` and `version`
           name the release folder and the archives (`\(name)-0.1.0`); `license` is an SPDX id.
        3. Run `standoff run` in this folder: the tables go to `build/release/<name>-<version>/`, the
           archives to `build/dist/`, and the annotation snapshot, one file per document to review
           and commit, to `annotations/documents/`.

        `annotations/rules/` is a copy of the rule files this project was made from. They were written
        for another corpus (the stance target in `stance-targets.jsonl` and its cues, the gazetteer's
        entities, the boilerplate phrases), so adapt them to this one; the Standoff README's rule
        sections say how. Their `match` and `no_match` examples are run by Standoff's test suite over
        its own rules, not by `standoff run`. `annotations/corrections.jsonl` holds
        people's fixes to single sentences, recorded with `standoff correct`.

        """
    }
}
