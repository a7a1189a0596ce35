import Foundation
import StandoffTestSupport
import Testing

/// `standoff init DIR`, then `standoff run` inside it, as the README's quick start does.
@Suite("init")
struct InitCommandTests {
    @Test func initInAnyFolderThenRunInTheNewOneBuildsItsOwnDataset() throws {
        let elsewhere = try TemporaryFolder()
        let created = try StandoffProgram.run(["init", "harbour-news"], in: elsewhere.path)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("created harbour-news/ (dataset 'harbour-news')"), "\(created.output)")
        #expect(created.output.contains("cd harbour-news && standoff run"), "\(created.output)")
        try elsewhere.write("harbour-news/raw/vote.txt", Array("Harbour Lease Vote Delayed\n\nThe city council postponed its vote on the harbour lease on Monday, saying it needed more time.\n".utf8))

        let project = elsewhere.path + "/harbour-news"
        let run = try StandoffProgram.run(["run", "--jobs", "1"], in: project)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("wrote build/dist/harbour-news-0.1.0.tar.gz"), "\(run.output)")
        #expect(run.errors.contains("annotations/dataset.json: warning: 'title'"), "\(run.errors)")
        #expect(elsewhere.exists("harbour-news/annotations/documents/vote.jsonl"))

        let again = try StandoffProgram.run(["init", "harbour-news"], in: elsewhere.path)
        #expect(again.status == 1)
        #expect(again.errors == "standoff: error: harbour-news: exists and is not empty; standoff init makes a new project folder and never writes over files: name a folder that does not exist yet (or an empty one)\n")
    }
}
