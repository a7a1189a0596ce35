import Foundation
import StandoffBuild
import StandoffTestSupport
import Testing

/// `standoff init DIR`: a project folder for a corpus of one's own, which builds a dataset of its
/// own name as soon as articles are in its `raw/`.
@Suite("Project template")
struct ProjectTemplateTests {
    /// Two short articles, written for these tests.
    static let articles = [
        ("harbour-vote.txt", "Harbour Lease Vote Delayed Again\nBy Ana Lima\n\nThe city council postponed its vote on the harbour lease for the third time on Monday. Members said they needed more time to read the contract.\n"),
        ("ferry-fares.txt", "Ferry Fares Rise in Spring\n\nFerry fares across the bay will rise by ten percent in April, the transport authority said on Tuesday.\n"),
    ]

    static func make(_ name: String = "my-corpus") throws -> (parent: TemporaryFolder, template: ProjectTemplate) {
        let parent = try TemporaryFolder()
        return (parent, ProjectTemplate(folder: parent.path + "/" + name, released: "2025-05-01"))
    }

    /// The options `standoff run` uses inside the project folder.
    static func options(_ project: String) -> BuildOptions {
        BuildOptions(rawFolder: project + "/raw", annotationsFolder: project + "/annotations", buildFolder: project + "/build",
                     snapshotFolder: BuildOptions.snapshotFolder(raw: project + "/raw", annotations: project + "/annotations", build: project + "/build"))
    }

    @Test(arguments: [("my-corpus", "my-corpus"), ("My Corpus", "my-corpus"), ("Harbour Lease 2025!", "harbour-lease-2025"),
                      ("--notes--", "notes"), ("日本", "my-corpus"), ("", "my-corpus")])
    func theDatasetNameComesFromTheFolderName(_ folder: String, _ name: String) {
        #expect(ProjectTemplate.datasetName(folderName: folder) == name)
    }

    @Test func theFolderHoldsRawAManifestToEditTheRulesAndACorrectionsFile() throws {
        let (parent, template) = try Self.make()
        let written = try template.create(rulesFrom: Repository.path("annotations"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["my-corpus"])
        let rules = try FileManager.default.contentsOfDirectory(atPath: Repository.path("annotations/rules")).sorted()
        #expect(written == ([".gitignore", "README.md", "annotations/corrections.jsonl", "annotations/dataset.json", "raw/README.md"]
            + rules.map { "annotations/rules/" + $0 }).sorted())
        for rule in rules {
            #expect(FileManager.default.contents(atPath: template.folder + "/annotations/rules/" + rule) == FileManager.default.contents(atPath: Repository.path("annotations/rules/" + rule)), "\(rule)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: template.folder + "/raw") == ["README.md"], "no article yet")
        #expect(FileManager.default.contents(atPath: template.folder + "/annotations/corrections.jsonl") == Data())
        let manifest = try DatasetManifest.load(path: template.folder + "/annotations/dataset.json")
        #expect(manifest.name == "my-corpus" && manifest.version == "0.1.0" && manifest.released == "2025-05-01")
        for value in [manifest.title, manifest.description, manifest.intendedUse ?? "", manifest.licenseNote] + manifest.creators + manifest.changes.map(\.summary) {
            #expect(value.hasPrefix(ProjectTemplate.placeholderMarker), "\(value)")
        }
        #expect(manifest.quality.sets.isEmpty, "the project's figures are not this corpus's")
    }

    @Test func runInTheFolderBuildsADatasetOfItsOwnNameAndWarnsWhilePlaceholdersRemain() throws {
        let (parent, template) = try Self.make()
        _ = try template.create(rulesFrom: Repository.path("annotations"))
        #expect(parent.exists("my-corpus/raw/README.md"))
        for (name, text) in Self.articles {
            try Data(text.utf8).write(to: URL(fileURLWithPath: template.folder + "/raw/" + name))
        }
        let options = Self.options(template.folder)
        #expect(options.snapshotFolder == template.folder + "/annotations/documents", "the new project's own snapshot")
        let first = try DatasetBuild(options: options).run()
        #expect(first.archives.map { URL(fileURLWithPath: $0).lastPathComponent } == ["my-corpus-0.1.0.tar.gz", "my-corpus-0.1.0.zip"])
        #expect(first.summary.documents.map(\.id) == ["ferry-fares", "harbour-vote"])
        #expect(first.summary.warnings.map(\.code) == ["manifest-placeholder"])
        let warning = try #require(first.summary.warnings.first)
        #expect(warning.location == options.manifestPath)
        #expect(warning.message.contains("'title', 'description', 'intended_use', 'license_note', 'creators', 'changes'"), "\(warning.message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: template.folder + "/annotations/documents").sorted() == ["ferry-fares.jsonl", "harbour-vote.jsonl"])
        var strict = options
        strict.strict = true
        #expect(throws: BuildError.self) { try DatasetBuild(options: strict).run() }

        // Every placeholder replaced: no warning, and the card is titled as the manifest now says.
        let path = options.manifestPath
        let edited = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "EDIT: the dataset's title, as the card and the citation show it", with: "Harbour Town News")
            .replacingOccurrences(of: "\"" + ProjectTemplate.placeholderMarker + " ", with: "\"")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let second = try DatasetBuild(options: strict).run()
        #expect(second.summary.warnings.isEmpty)
        let card = try String(contentsOfFile: options.buildFolder + "/release/my-corpus-0.1.0/README.md", encoding: .utf8)
        #expect(card.contains("\n# Harbour Town News (`my-corpus-0.1.0`)\n"))
        #expect(!card.contains("Japan–North Korea diplomacy:"), "the project's intended use is not this corpus's")
    }

    @Test(arguments: ["a file inside", "a file in its place"])
    func anythingButANewOrEmptyFolderIsRefusedAndLeftAsItWas(_ setup: String) throws {
        let (parent, template) = try Self.make()
        let existing = setup == "a file inside" ? "my-corpus/notes.txt" : "my-corpus"
        try parent.write(existing, Array("mine\n".utf8))
        let error = #expect(throws: BuildError.self) { try template.create(rulesFrom: Repository.path("annotations")) }
        let message = error.map(\.description) ?? ""
        #expect(message.hasPrefix(template.folder + ": "), "\(message)")
        #expect(message.contains("name a folder that does not exist yet"), "\(message)")
        #expect(try parent.read(existing) == Array("mine\n".utf8))
        #expect(!parent.exists("my-corpus/annotations"))
    }

    @Test func anEmptyFolderIsFilled() throws {
        let (parent, template) = try Self.make()
        try FileManager.default.createDirectory(atPath: parent.path + "/my-corpus", withIntermediateDirectories: false)
        #expect(try template.create(rulesFrom: Repository.path("annotations")).contains("annotations/dataset.json"))
    }

    @Test func withoutTheRuleFilesNothingIsWritten() throws {
        let (parent, template) = try Self.make()
        try parent.write("elsewhere/annotations/rules/gazetteer.jsonl", [])
        let error = #expect(throws: BuildError.self) { try template.create(rulesFrom: parent.path + "/elsewhere/annotations") }
        #expect(error?.description.contains("abbreviations.jsonl") == true, "\(error.map(\.description) ?? "")")
        #expect(!parent.exists("my-corpus"))
    }

    /// The rules come from the folder named, else `annotations/` here, else the checkout the
    /// program was built in, so `standoff init` works in any folder.
    @Test func theRulesComeFromTheNamedFolderTheWorkingFolderOrTheProgramsCheckout() throws {
        let folder = try TemporaryFolder()
        try folder.write("checkout/Package.swift", [])
        try folder.write("checkout/annotations/rules/abbreviations.jsonl", [])
        try folder.write("checkout/.build/debug/standoff", [])
        try folder.write("here/annotations/rules/abbreviations.jsonl", [])
        let program = folder.path + "/checkout/.build/debug/standoff"
        #expect(try ProjectTemplate.ruleSource(given: "mine", workingAnnotations: folder.path + "/here/annotations", program: program) == "mine")
        #expect(try ProjectTemplate.ruleSource(given: nil, workingAnnotations: folder.path + "/here/annotations", program: program) == folder.path + "/here/annotations")
        #expect(try ProjectTemplate.ruleSource(given: nil, workingAnnotations: folder.path + "/none", program: program) == folder.path + "/checkout/annotations")
        let error = #expect(throws: BuildError.self) {
            try ProjectTemplate.ruleSource(given: nil, workingAnnotations: folder.path + "/none", program: folder.path + "/here/standoff")
        }
        #expect(error?.description.contains("pass --annotations DIR") == true)
    }
}
