import Foundation
import StandoffCore

/// Each document as the costly stages (clean, split, annotate) left it, stored under
/// `build/cache/`, so a run after one raw file changed re-annotates that file only.
///
/// Entries live in a folder named for a fingerprint of the program and the rule files, so a
/// rebuilt program or any rule edit starts an empty folder (and the old one is removed when a
/// run completes). In that folder an entry is named for the document id and holds the raw
/// file's SHA-256, checked on reading: content-addressed by raw bytes, rules and code. The
/// stages after the cache (corrections, validation, export) always run, so a correction edit
/// needs no re-annotation, and a damaged or stale entry is read as a miss, never as data.
///
/// ```
/// run                  → every document annotated, 10000 entries written
/// edit raw/a.txt, run  → a.txt annotated, 9999 read back; archives equal a clean build's
/// edit a rule, run     → new folder: every document annotated again
/// ```
struct DocumentCache: Sendable {
    /// The last stage whose output is cached.
    static let lastCachedStage = Annotate.description.identifier

    /// `build/cache`.
    let root: String
    /// `build/cache/<fingerprint>`, this program's and these rules' entries.
    let folder: String
    /// Whether entries are written as well as read (`stats` only reads).
    let writes: Bool

    /// The cache under `root` for the program and rules with SHA-256 `rulesFingerprint`.
    init(root: String, rulesFingerprint: String, writes: Bool) {
        self.root = root
        self.writes = writes
        let context = FileOutput.sha256(ofText: "document cache \(CachedDocument.formatVersion)\nprogram \(BuildStamp.programFingerprint)\n"
                                                 + "rules \(rulesFingerprint)\nthrough \(Self.lastCachedStage)\n")
        folder = root + "/" + context.prefix(16)
    }

    /// Makes the folder entries are written to; without it every entry is a miss, which is slow but correct.
    func prepare() {
        if writes { try? FileOutput.makeFolder(folder) }
    }

    func path(of documentID: String) -> String {
        folder + "/" + documentID + ".bin"
    }

    /// The entry for `document` (whose raw file ingest has read), if one was made from the same bytes at the same path.
    func load(_ document: Document) -> CachedDocument? {
        guard let data = FileManager.default.contents(atPath: path(of: document.id)),
              let entry = try? CachedDocument(bytes: Array(data)),
              entry.sourceSHA256 == document.sourceSHA256, entry.sourceFile == document.sourceFile else { return nil }
        return entry
    }

    /// Stores `entry` for document `documentID`; written aside and renamed, so a reader never sees half an entry.
    /// A failure to write costs only a later re-annotation, so it is not an error.
    func store(_ entry: CachedDocument, documentID: String) {
        guard writes else { return }
        let destination = path(of: documentID)
        // Threads write different documents; the process id keeps two runs apart.
        let partial = destination + ".\(getpid()).partial"
        let bytes = entry.bytes
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count, rename(partial, destination) == 0 else { return FileOutput.remove(partial) }
    }

    /// After a complete run: removes other programs' and rules' folders and the entries of
    /// documents no longer in the corpus, so the cache never outgrows one corpus.
    func prune(keeping documentIDs: [String]) {
        guard writes else { return }
        let current = String(folder.dropFirst(root.count + 1))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] where name != current {
            FileOutput.remove(root + "/" + name)
        }
        let kept = Set(documentIDs.map { $0 + ".bin" })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !kept.contains(name) {
            FileOutput.remove(folder + "/" + name)
        }
    }
}
