import Crypto
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
        // The folder itself may be a link (the user named it); links inside it are never followed.
        let listed = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: listed) else {
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

    /// The file's bytes, after checking it is a regular, readable file inside the raw folder.
    ///
    /// Symbolic links are refused by name, never followed: a link could publish any file of the
    /// machine (`y.txt → /etc/passwd`) in the release, and folder links are not followed either,
    /// so one rule covers both. FIFOs, devices and sockets are refused without waiting on them
    /// (the file is opened non-blocking and checked before it is read).
    public static func read(_ entry: Entry) throws -> [UInt8] {
        try withOpenFile(entry.path) { descriptor, size in
            var bytes = [UInt8](repeating: 0, count: size)
            var filled = 0
            while true {
                if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
                let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw BuildError.unreadable(path: entry.path, reason: "read failed: \(String(cString: strerror(errno)))")
                }
                if count == 0 { break }
                filled += count
            }
            bytes.removeSubrange(filled...)
            return bytes
        }
    }

    /// Lowercase hex SHA-256 of the file's bytes, with the same checks as ``read(_:)``.
    static func sha256(_ path: String) throws -> String {
        try withOpenFile(path) { descriptor, _ in
            var hasher = SHA256()
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw BuildError.unreadable(path: path, reason: "read failed: \(String(cString: strerror(errno)))")
                }
                if count == 0 { break }
                hasher.update(data: buffer[..<count])
            }
            return FileOutput.hex(hasher.finalize())
        }
    }

    /// Opens `path` for reading without following a link or blocking on a FIFO, checks that it is
    /// a regular file, and runs `body` with the descriptor and the file's size.
    static func withOpenFile<T>(_ path: String, _ body: (Int32, Int) throws -> T) throws -> T {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            throw BuildError.unreadable(path: path, reason: problem(openError: error, path: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw BuildError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard let kind = FileKind(mode: info.st_mode), kind == .regular else {
            throw BuildError.unreadable(path: path, reason: FileKind(mode: info.st_mode)?.refusal ?? "not a regular file; raw entries must be plain text files")
        }
        return try body(descriptor, Int(info.st_size))
    }

    /// Why `open` failed, in words that say what to do.
    static func problem(openError error: Int32, path: String) -> String {
        switch error {
        case ELOOP:
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return FileKind.symbolicLink.refusal }
            return "a chain of symbolic links that does not end; raw entries must be regular files"
        case EACCES, EPERM: return "permission denied; make it readable (chmod a+r)"
        case ENOENT: return "vanished while the run listed the folder, or its name is not valid UTF-8 (rename it)"
        case ENAMETOOLONG: return "the path is longer than the system allows; move the file to a shorter path"
        default: return String(cString: strerror(error))
        }
    }

    /// What kind of entry a raw path is.
    enum FileKind {
        case regular, folder, symbolicLink, fifo, device, socket

        init?(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .folder
            case S_IFLNK: self = .symbolicLink
            case S_IFIFO: self = .fifo
            case S_IFCHR, S_IFBLK: self = .device
            case S_IFSOCK: self = .socket
            default: return nil
            }
        }

        /// Why an entry of this kind is not read.
        var refusal: String {
            switch self {
            case .regular: return ""
            case .folder: return "a folder whose name ends in .txt; raw entries must be plain text files (rename the folder)"
            case .symbolicLink: return "a symbolic link; links are not followed, so that nothing outside the raw folder reaches a release (copy the file in instead)"
            case .fifo: return "a FIFO (named pipe), not a regular file; it is not opened, so the run cannot hang on it"
            case .device: return "a device, not a regular file; it is not opened"
            case .socket: return "a socket, not a regular file; it is not opened"
            }
        }
    }
}
