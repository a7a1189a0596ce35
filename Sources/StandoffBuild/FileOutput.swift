import Crypto
import Foundation

/// Small file-system helpers shared by the build steps.
enum FileOutput {
    /// Creates `path` and its parents.
    static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw BuildError.write(path: path, reason: error.localizedDescription)
        }
    }

    /// Removes `path` if it exists.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `path` by writing a sibling temporary file and renaming it over.
    static func write(_ text: String, to path: String) throws {
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw BuildError.write(path: path, reason: "cannot create the file; check that the folder exists and is writable")
        }
        try rename(temporary, to: path)
    }

    /// Moves `source` to `destination`, replacing a file there (atomic on one file system).
    static func rename(_ source: String, to destination: String) throws {
        guard Foundation.rename(source, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            remove(source)
            throw BuildError.write(path: destination, reason: reason)
        }
    }

    /// Lowercase hex SHA-256 of the file at `path`, read in chunks.
    static func sha256(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw BuildError.unreadable(path: path, reason: "cannot open for hashing")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }

    /// Lowercase hex SHA-256 of `text`'s UTF-8 bytes.
    static func sha256(ofText text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// The size of the file at `path` in bytes.
    static func size(ofFile path: String) throws -> Int {
        do {
            return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw BuildError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Lowercase hex of a digest.
    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// Every regular file below `folder`, as sorted paths relative to it.
    static func files(below folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { relative in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}

/// Appends text to a file through a buffer, so tables stream to disk as documents pass.
final class BufferedFile {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Bytes held before a write: enough to make writes few, small enough that ten open tables stay a few megabytes.
    static let capacity = 256 << 10

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BuildError.write(path: path, reason: "cannot create the file; check that the folder exists and is writable")
        }
        self.path = path
        self.handle = handle
        buffer.reserveCapacity(Self.capacity)
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0) }
    }

    /// Appends UTF-8 bytes already encoded.
    func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write(bytes: $0) }
    }

    /// Appends `bytes`; the buffer never grows past its capacity, and a large write goes straight out.
    func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + bytes.count > Self.capacity { try flush() }
        if bytes.count >= Self.capacity {
            try writeOut(UnsafeRawBufferPointer(bytes))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: UnsafeRawBufferPointer) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw BuildError.write(path: path, reason: error.localizedDescription)
        }
        written += bytes.count
        hasher?.update(bufferPointer: bytes)
    }

    /// Bytes written so far.
    private(set) var written = 0
    /// SHA-256 of the bytes as they are written, for files whose hash the release lists: hashing
    /// on the way out saves reading hundreds of megabytes of tables back.
    private var hasher: SHA256?

    /// Starts hashing what is written from here on; call before the first write.
    func hashWrites() {
        hasher = SHA256()
    }

    /// Lowercase hex SHA-256 of everything written, once the file is closed and if ``hashWrites()`` was called.
    var sha256: String? { hasher.map { FileOutput.hex($0.finalize()) } }

    func close() throws {
        try flush()
        try? handle.close()
    }
}
