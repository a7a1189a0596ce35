import Foundation
import StandoffArchive
import StandoffBuild
import StandoffTestSupport
import Testing

/// The HTML report as `standoff run` and `standoff report` write it: in the release folder and
/// the archives, listed in `SHA256SUMS`, the same bytes on every build, article text escaped.
@Suite("Report folder")
struct ReportFolderTests {
    static let hostile = """
        Hostile markup in a test article

        The minister said that <script>alert(1)</script> was printed in the draft by mistake today.

        A reader typed "><img src=x onerror=alert(1)> into the comment form of the newspaper last week.

        Talks between Japan and North Korea should resume soon, the editor argued in a long column.

        """

    func corpus() throws -> TemporaryFolder {
        let raw = try TemporaryFolder()
        try raw.write("100_hostile.txt", Array(Self.hostile.utf8))
        try raw.write("101_plain.txt", Array("A plain test article\n\nJapan and North Korea met in Tokyo for talks on the weekend, officials said.\n".utf8))
        return raw
    }

    func options(raw: TemporaryFolder, build: TemporaryFolder) -> BuildOptions {
        BuildOptions(rawFolder: raw.path, annotationsFolder: Repository.path("annotations"), buildFolder: build.path, sourceDateEpoch: 1_700_000_000)
    }

    func text(_ folder: TemporaryFolder, _ relative: String) throws -> String {
        String(decoding: try folder.read(relative), as: UTF8.self)
    }

    @Test func hostileArticleTextShowsAsText() throws {
        let raw = try corpus(), build = try TemporaryFolder()
        _ = try DatasetBuild(options: options(raw: raw, build: build)).run()
        let page = try text(build, "report/documents/100_hostile.html")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.components(separatedBy: "<script").count == 2, "only the page's own script")
        #expect(!page.contains("<img"))
        let index = try text(build, "report/index.html")
        #expect(index.contains("href=\"documents/100_hostile.html\""))
    }

    @Test func twoBuildsWriteIdenticalReportsAndArchives() throws {
        let raw = try corpus(), first = try TemporaryFolder(), second = try TemporaryFolder()
        let a = try DatasetBuild(options: options(raw: raw, build: first)).run()
        let b = try DatasetBuild(options: options(raw: raw, build: second)).run()
        for name in ["index.html", "documents/100_hostile.html", "documents/101_plain.html"] {
            #expect(try first.read("report/" + name) == second.read("report/" + name), "\(name)")
        }
        for (left, right) in zip(a.archives, b.archives) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: left)) == Data(contentsOf: URL(fileURLWithPath: right)), "\(left)")
        }
    }

    @Test func theReleaseCarriesTheReportListedInSHA256SUMS() throws {
        let raw = try corpus(), build = try TemporaryFolder()
        let result = try DatasetBuild(options: options(raw: raw, build: build)).run()
        let release = try #require(FileManager.default.contentsOfDirectory(atPath: build.path + "/release").first)
        let sums = try text(build, "release/\(release)/SHA256SUMS")
        for name in ["report/index.html", "report/documents/100_hostile.html", "report/documents/101_plain.html"] {
            #expect(sums.contains("  \(name)\n"), "\(name)")
            #expect(try build.read("release/\(release)/\(name)") == build.read(name), "build/\(name) mirrors the release")
        }
        for archive in result.archives {
            let paths = try ArchiveReader.read(path: archive).map(\.path)
            #expect(paths.contains("\(release)/report/index.html"), "\(archive)")
            #expect(paths.contains("\(release)/report/documents"), "\(archive)")
        }
    }

    @Test func theReportCommandWritesTheSamePagesAsARun() throws {
        let raw = try corpus(), run = try TemporaryFolder(), alone = try TemporaryFolder()
        _ = try DatasetBuild(options: options(raw: raw, build: run)).run()
        let result = try DatasetBuild(options: options(raw: raw, build: alone)).report()
        #expect(result.folder == alone.path + "/report")
        for name in ["index.html", "documents/100_hostile.html"] {
            #expect(try run.read("report/" + name) == alone.read("report/" + name), "\(name)")
        }
        #expect(!alone.exists("release"), "the report command writes only the report")
    }

    @Test func pagesStopAtTheLimitAndTheIndexSaysWhichHaveOne() throws {
        let raw = try corpus(), build = try TemporaryFolder()
        var options = options(raw: raw, build: build)
        options.reportPageLimit = 1
        _ = try DatasetBuild(options: options).report()
        #expect(build.exists("report/documents/100_hostile.html"))
        #expect(!build.exists("report/documents/101_plain.html"))
        let index = try text(build, "report/index.html")
        #expect(index.contains("href=\"documents/100_hostile.html\""))
        #expect(!index.contains("href=\"documents/101_plain.html\""))
    }
}
