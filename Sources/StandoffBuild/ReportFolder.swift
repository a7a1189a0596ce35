import Foundation
import StandoffCore

/// Writes the HTML report, `index.html` and `documents/<id>.html`, as documents stream past:
/// each page is written when its document is done, and the index at the end from the summary.
///
/// The rendering is ``DocumentPage`` and ``ReportIndex`` in the core; this type only names the
/// files and writes them. Pages are written for the first `pageLimit` documents in id order (all
/// when it is 0), so a corpus of 100,000 documents does not put 100,000 pages in the archive.
struct ReportFolder {
    /// The folder written, e.g. `build/tmp/<release>/report`.
    let folder: String
    let page: DocumentPage
    let context: ReportContext
    let pageLimit: Int
    private(set) var pages = 0

    static let documentsFolder = "documents"
    static let indexName = "index.html"

    /// Starts an empty report in `folder`, removing what was there.
    init(folder: String, context: ReportContext, pageLimit: Int) throws {
        self.folder = folder
        self.context = context
        self.page = DocumentPage(context: context)
        self.pageLimit = pageLimit
        FileOutput.remove(folder)
        try FileOutput.makeFolder(folder + "/" + Self.documentsFolder)
    }

    /// Whether a document at `position` (0-based, in id order) gets a page.
    func hasPage(_ position: Int) -> Bool {
        pageLimit <= 0 || position < pageLimit
    }

    /// Writes the page of `document` if it is among the first `pageLimit`.
    mutating func add(_ document: Document) throws {
        defer { pages += 1 }
        guard hasPage(pages) else { return }
        try FileOutput.write(page.html(document), to: folder + "/" + Self.documentsFolder + "/" + DocumentPage.fileName(for: document.id))
    }

    /// Writes `index.html` from the run's summary.
    func finish(name: String, summary: CorpusSummary) throws {
        try FileOutput.write(Self.index(name: name, summary: summary, context: context, hasPage: hasPage).html, to: folder + "/" + Self.indexName)
    }

    /// The index of a run: one row per document of the summary, in the order they were added.
    static func index(name: String, summary: CorpusSummary, context: ReportContext, hasPage: (Int) -> Bool = { _ in true }) -> ReportIndex {
        var mentions: [String: Int] = [:]
        for top in summary.statistics.documents { mentions[top.documentID] = top.mentions }
        let rows = summary.documents.enumerated().map { position, entry in
            ReportIndex.Row(id: entry.id, title: entry.title, publication: entry.publication, published: entry.published,
                            sentences: entry.sentences, mentions: mentions[entry.id] ?? 0, removed: entry.removed,
                            stances: entry.stances, hasPage: hasPage(position))
        }
        return ReportIndex(name: name, rows: rows, statistics: summary.statistics, stanceRules: summary.stanceRules, context: context)
    }

    /// Replaces `destination` with a copy of `source` (the release's report mirrored to `build/report`).
    static func copy(_ source: String, to destination: String) throws {
        let staging = destination + ".partial"
        FileOutput.remove(staging)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: staging)
        } catch {
            throw BuildError.write(path: destination, reason: error.localizedDescription)
        }
        FileOutput.remove(destination)
        try FileOutput.rename(staging, to: destination)
    }
}
