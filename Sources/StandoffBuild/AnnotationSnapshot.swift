import Foundation
import StandoffCore

/// Writes the committed annotation snapshot, `annotations/documents/<doc_id>.jsonl`.
///
/// Files are staged while documents stream past and copied into place only when the whole
/// build succeeded; a file whose bytes did not change is not touched, and the file of a
/// document that no longer exists is removed, so `git status` shows exactly what changed.
struct AnnotationSnapshot {
    /// The committed folder.
    let folder: String
    /// Where files wait until the build succeeds.
    let staging: String

    func begin() throws {
        FileOutput.remove(staging)
        try FileOutput.makeFolder(staging)
    }

    func add(_ document: Document) throws {
        try FileOutput.write(document.rendered.snapshot, to: staging + "/" + document.id + ".jsonl")
    }

    /// Copies changed files into `folder`, removes stale ones, and clears the staging folder.
    func commit() throws {
        defer { FileOutput.remove(staging) }
        try FileOutput.makeFolder(folder)
        let fresh = Set(FileOutput.files(below: staging).filter { $0.hasSuffix(".jsonl") })
        for name in FileOutput.files(below: folder) where name.hasSuffix(".jsonl") && !fresh.contains(name) {
            FileOutput.remove(folder + "/" + name)
        }
        for name in fresh.sorted() {
            let new = FileManager.default.contents(atPath: staging + "/" + name)
            if new != FileManager.default.contents(atPath: folder + "/" + name) {
                FileOutput.remove(folder + "/" + name)
                try FileOutput.rename(staging + "/" + name, to: folder + "/" + name)
            }
        }
    }
}
