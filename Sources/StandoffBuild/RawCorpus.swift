import Foundation
import StandoffCore

/// The raw article files: every `*.txt` below the raw folder, in sorted order.
public struct RawCorpus: Sendable {
    /// One raw file.
    public struct Entry: Sendable, Equatable {
        /// The document id: the file name without `.txt`.
        public var id: String
        /// Path as the build opens it.
        public var path: String
        /// Path as recorded in the dataset: the raw folder's name and the path inside it.
        public var sourceFile: String
    }

    /// The files in sorted order of their path inside the raw folder. An entry is made when it is
    /// read: only each file's relative path is kept, as the list lives for the whole run.
    public struct Entries: RandomAccessCollection, Sendable {
        let folder: String
        let folderName: String
        /// Packed: at 100k files, a `[String]` of paths was five megabytes of small heap objects.
        let relativePaths: PackedArray<String>

        public var startIndex: Int { 0 }
        public var endIndex: Int { relativePaths.count }

        public subscript(position: Int) -> Entry {
            let relative = relativePaths[position]
            return Entry(id: String(relative.split(separator: "/").last!.dropLast(4)), path: folder + "/" + relative,
                         sourceFile: folderName + "/" + relative)
        }
    }

    /// Files in sorted order of their path inside the raw folder.
    public let entries: Entries

    /// Lists the raw folder; never modifies it.
    public init(folder: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError.missingFolder(path: folder, role: "raw")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw BuildError.unreadable(path: folder, reason: "cannot list the folder")
        }
        let relativePaths = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted()
        guard !relativePaths.isEmpty else { throw BuildError.noRawFiles(folder: folder) }
        let folderName = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        entries = Entries(folder: folder, folderName: folderName, relativePaths: PackedArray(relativePaths))
        // File names in one folder differ byte for byte, so ids can only clash across subfolders,
        // or as names Swift counts equal (NFC and NFD spellings), which sorting puts side by side;
        // a flat corpus of 100k files skips a dictionary of every path.
        guard relativePaths.contains(where: { $0.contains("/") }) else {
            if let (first, second) = zip(relativePaths, relativePaths.dropFirst()).first(where: { $0 == $1 }) {
                throw BuildError.duplicateID(id: String(first.dropLast(4)), first: folder + "/" + first, second: folder + "/" + second)
            }
            return
        }
        var seen: [String: String] = [:]
        for entry in entries {
            if let first = seen[entry.id] { throw BuildError.duplicateID(id: entry.id, first: first, second: entry.path) }
            seen[entry.id] = entry.path
        }
    }

    /// The file's bytes, after checking it is a regular, readable file.
    public static func read(_ entry: Entry) throws -> [UInt8] {
        var info = stat()
        guard stat(entry.path, &info) == 0 else {
            throw BuildError.unreadable(path: entry.path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw BuildError.unreadable(path: entry.path, reason: "not a regular file; raw entries must be plain text files")
        }
        guard let handle = FileHandle(forReadingAtPath: entry.path) else {
            throw BuildError.unreadable(path: entry.path, reason: "permission denied or unreadable; make it readable (chmod a+r)")
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            throw BuildError.unreadable(path: entry.path, reason: "read failed: \(error.localizedDescription)")
        }
    }
}
