import Foundation
import StandoffBuild
import StandoffCore
import StandoffTestSupport
import Testing

@Suite("Corrections end to end")
struct CorrectionRecorderTests {
    static let article = "The council will vote next week on a proposal to lease the harbour. Critics say the terms are secret, and the mayor says the deal is the best on offer.\n"

    /// A project with one raw file and a copy of the real rules.
    static func project() throws -> (folder: TemporaryFolder, options: BuildOptions) {
        let folder = try TemporaryFolder()
        try folder.write("raw/a.txt", Array(article.utf8))
        try FileManager.default.copyItem(atPath: Repository.path("annotations"), toPath: folder.path + "/annotations")
        try? FileManager.default.removeItem(atPath: folder.path + "/annotations/corrections.jsonl")
        let options = BuildOptions(rawFolder: folder.path + "/raw", annotationsFolder: folder.path + "/annotations",
                                   buildFolder: folder.path + "/build", snapshotFolder: folder.path + "/annotations/documents")
        return (folder, options)
    }

    func stances(_ options: BuildOptions) throws -> String {
        try String(contentsOfFile: options.buildFolder + "/release/japan-dprk-summit-commentary-0.1.0/data/stances.csv", encoding: .utf8)
    }

    @Test func aCorrectionChangesTheRowSurvivesRebuildsAndGoesStaleWhenTheTextChanges() throws {
        let (folder, options) = try Self.project()
        let build = DatasetBuild(options: options)
        let line = try CorrectionRecorder(build: build).stance(sentenceID: "a-s0001", target: "japan-dprk-dialogue", label: "against", holder: nil,
                                                              by: "A. Reviewer", why: "Says the terms are secret.")
        #expect(line.contains(#""sentence_sha256":"\#(Correction.fingerprint("Critics say the terms are secret, and the mayor says the deal is the best on offer."))""#))

        for _ in 0..<2 {
            let result = try build.run()
            #expect(result.summary.warnings.isEmpty)
            // Off target, the rules gave `none`; the correction sets the label. The holder stays
            // the rules' (`Critics say`: an unnamed speaker), whose words stay on record.
            let row = try stances(options).components(separatedBy: "\r\n").first { $0.hasPrefix("a-s0001,") }
            #expect(row?.hasPrefix("a-s0001,a,japan-dprk-dialogue,against,unnamed,") == true, "\(row ?? "no row")")
            #expect(row?.contains("holder-unnamed-source") == true && row?.contains(",correction,") == true && row?.hasSuffix(",0") == true, "\(row ?? "no row")")
        }
        let snapshot = try String(contentsOfFile: folder.path + "/annotations/documents/a.jsonl", encoding: .utf8)
        #expect(snapshot.contains(#""source":"correction""#))

        // Someone edits the sentence in the raw file: the correction no longer applies, and says so.
        try folder.write("raw/a.txt", Array(Self.article.replacingOccurrences(of: "secret", with: "public").utf8))
        let stale = try build.run()
        #expect(stale.summary.warnings.map(\.code) == ["stale-correction"])
        #expect(stale.summary.warnings.first?.location.hasSuffix("annotations/corrections.jsonl:1") == true)
        #expect(try !stances(options).contains("against"))
        var strict = options
        strict.strict = true
        #expect(throws: BuildError.self) { try DatasetBuild(options: strict).run() }
    }

    /// A correction for a document the raw folder does not hold applies to nothing: a warning at
    /// its line, an error under --strict.
    @Test func aCorrectionForAMissingDocumentIsReported() throws {
        let (folder, options) = try Self.project()
        _ = try CorrectionRecorder(build: DatasetBuild(options: options)).stance(sentenceID: "a-s0001", target: "japan-dprk-dialogue", label: "against",
                                                                                holder: nil, by: "A. Reviewer", why: "Says the terms are secret.")
        try FileManager.default.moveItem(atPath: folder.path + "/raw/a.txt", toPath: folder.path + "/raw/b.txt")
        let result = try DatasetBuild(options: options).run()
        #expect(result.summary.warnings.map(\.code) == ["stale-correction"])
        #expect(result.summary.warnings.first?.location.hasSuffix("annotations/corrections.jsonl:1") == true)
        #expect(result.summary.warnings.first?.message.contains("'a' is not in the raw folder") == true)
        var strict = options
        strict.strict = true
        #expect(throws: BuildError.self) { try DatasetBuild(options: strict).run() }
    }

    /// Every malformed correction line is reported at once, each at its own line.
    @Test func everyBadCorrectionLineIsReported() throws {
        let line = #"{"action":"set-stance","sentence_id":"a-s0001","target":"t","by":"A","why":"w"}"#
        let error = #expect(throws: StandoffError.self) {
            try CorrectionSet.decode(file: "annotations/corrections.jsonl", contents: line + "\n" + line + "\n")
        }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("annotations/corrections.jsonl:1:") && message.contains("annotations/corrections.jsonl:2:"), "\(message)")
    }

    @Test func recordingRefusesTextThatIsNotThere() throws {
        let (_, options) = try Self.project()
        let recorder = CorrectionRecorder(build: DatasetBuild(options: options))
        #expect(throws: BuildError.self) {
            try recorder.mention(.addMention, sentenceID: "a-s0000", text: "Tokyo", occurrence: 1, type: "GPE", entityID: "tokyo", entityName: nil, by: "A", why: "w")
        }
        #expect(throws: BuildError.self) {
            try recorder.stance(sentenceID: "a-s0042", target: "japan-dprk-dialogue", label: "favor", holder: nil, by: "A", why: "w")
        }
        #expect(throws: BuildError.self) {
            try recorder.stance(sentenceID: "a-s0001", target: "harbour-lease", label: "favor", holder: nil, by: "A", why: "w")
        }
        #expect(!FileManager.default.fileExists(atPath: options.correctionsPath))
    }
}
