#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CLibArchive

/// Reads a .tar, .tar.gz or .zip archive into memory without ever writing its entries to disk.
///
/// Meant for comparing releases and checking round trips, so it treats every
/// archive as possibly hostile: entries with absolute paths, `..` components,
/// backslashes, links, devices, pipes or sockets are refused, and the number of
/// entries and their inflated sizes are capped by `ArchiveLimits`, counting the
/// bytes actually inflated rather than the sizes headers claim.
public enum ArchiveReader {
    /// How many inflated bytes are requested from libarchive at a time.
    static let chunkSize = 64 * 1024

    /// Reads every entry of the archive held in `bytes`, in archive order.
    /// - Parameters:
    ///   - bytes: The whole archive file.
    ///   - name: How to name the archive in errors, usually its path.
    ///   - limits: Caps on size and entry count.
    /// - Throws: `ArchiveError` naming the archive and, where there is one, the offending entry.
    ///   - including: Which regular files to inflate, by path; the others are checked (path and
    ///     type) but skipped unread, with empty contents, and count toward no size cap.
    public static func read(_ bytes: [UInt8], name: String, limits: ArchiveLimits = .default,
                            including: @escaping @Sendable (String) -> Bool = { _ in true }) throws -> [ArchiveMember] {
        if Int64(bytes.count) > limits.maxArchiveBytes {
            throw ArchiveError.archiveTooLarge(archive: name, bytes: Int64(bytes.count), limit: limits.maxArchiveBytes)
        }
        if bytes.isEmpty {
            throw ArchiveError.unreadableArchive(archive: name, entry: nil, message: "the file is empty")
        }
        LibarchiveRuntime.prepare(for: nil)
        guard let handle = archive_read_new() else {
            throw ArchiveError.setupFailed(archive: name, step: "archive_read_new", message: "out of memory")
        }
        defer { archive_read_free(handle) }

        func check(_ result: Int32, _ step: String) throws {
            if result != ARCHIVE_OK {
                throw ArchiveError.setupFailed(archive: name, step: step, message: LibarchiveRuntime.message(handle))
            }
        }
        // Only what releases are made of: fewer parsers, less attack surface.
        try check(archive_read_support_filter_gzip(handle), "archive_read_support_filter_gzip")
        try check(archive_read_support_format_tar(handle), "archive_read_support_format_tar")
        try check(archive_read_support_format_zip(handle), "archive_read_support_format_zip")

        // libarchive reads straight from the array's storage, which must stay put until the end.
        return try bytes.withUnsafeBytes { raw in
            if archive_read_open_memory(handle, raw.baseAddress, raw.count) != ARCHIVE_OK {
                throw ArchiveError.unreadableArchive(archive: name, entry: nil, message: LibarchiveRuntime.message(handle))
            }
            var scan = Scan(handle: handle, name: name, limits: limits, including: including)
            return try scan.readAll()
        }
    }

    /// Loads the archive file at `path` (refusing one larger than `limits.maxArchiveBytes`) and reads it.
    /// - Throws: `ArchiveError.cannotReadArchive`, `.archiveTooLarge`, or any error of `read(_:name:limits:)`.
    public static func read(path: String, limits: ArchiveLimits = .default,
                            including: @escaping @Sendable (String) -> Bool = { _ in true }) throws -> [ArchiveMember] {
        return try read(try load(path: path, limits: limits), name: path, limits: limits, including: including)
    }

    /// The bytes of the archive file at `path`, refusing one larger than `limits.maxArchiveBytes`
    /// or that is not a regular file; read once, they can be scanned several times.
    public static func load(path: String, limits: ArchiveLimits = .default) throws -> [UInt8] {
        func failure(_ code: Int32) -> ArchiveError {
            .cannotReadArchive(path: path, reason: LibarchiveRuntime.systemMessage(code))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw failure(errno) }
        defer { close(descriptor) }

        var info = stat()
        if fstat(descriptor, &info) != 0 { throw failure(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ArchiveError.cannotReadArchive(path: path, reason: "not a regular file")
        }
        let size = Int64(info.st_size)
        if size > limits.maxArchiveBytes {
            throw ArchiveError.archiveTooLarge(archive: path, bytes: size, limit: limits.maxArchiveBytes)
        }

        var bytes = [UInt8](repeating: 0, count: Int(size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { readDescriptor(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if count == 0 { break }  // The file shrank; parse what is there.
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}

extension ArchiveReader {
    /// The state of one pass over an open read handle.
    private struct Scan {
        let handle: OpaquePointer
        let name: String
        let limits: ArchiveLimits
        var totalBytes: Int64 = 0
        let including: (String) -> Bool
        var buffer = [UInt8](repeating: 0, count: ArchiveReader.chunkSize)

        init(handle: OpaquePointer, name: String, limits: ArchiveLimits, including: @escaping (String) -> Bool) {
            self.handle = handle
            self.name = name
            self.limits = limits
            self.including = including
        }

        mutating func readAll() throws -> [ArchiveMember] {
            var members: [ArchiveMember] = []
            var entry: OpaquePointer?
            while true {
                let result = archive_read_next_header(handle, &entry)
                if result == ARCHIVE_EOF { break }
                // ARCHIVE_WARN covers recoverable notes such as a name libarchive could not
                // convert to the locale; the UTF-8 name read below is still exact.
                guard result == ARCHIVE_OK || result == ARCHIVE_WARN, let entry else {
                    let position = members.last.map { " (after entry '\($0.path)')" } ?? ""
                    throw ArchiveError.unreadableArchive(
                        archive: name, entry: nil, message: LibarchiveRuntime.message(handle) + position)
                }
                if members.count == limits.maxEntries {
                    throw ArchiveError.tooManyEntries(archive: name, limit: limits.maxEntries)
                }
                members.append(try member(entry))
            }
            return members
        }

        private mutating func member(_ entry: OpaquePointer) throws -> ArchiveMember {
            let rawPath = Self.string(archive_entry_pathname_utf8(entry)) ?? Self.string(archive_entry_pathname(entry)) ?? ""
            if let problem = EntryPath.problemForReading(rawPath) {
                throw ArchiveError.unsafeEntryPath(archive: name, entry: rawPath, problem: problem)
            }
            let path = EntryPath.trimmingTrailingSlashes(rawPath)

            // Hard links in tar carry a regular-file type, so check the link name first.
            if let target = Self.string(archive_entry_hardlink_utf8(entry)) ?? Self.string(archive_entry_hardlink(entry)) {
                throw ArchiveError.unsupportedEntryType(archive: name, entry: rawPath, kind: .hardLink(target: target))
            }
            let type = UInt32(archive_entry_filetype(entry)) & standoff_ae_ifmt
            switch type {
            case standoff_ae_ifdir:
                return ArchiveMember(path: path, isDirectory: true)
            case standoff_ae_ifreg:
                guard including(path) else {
                    if archive_read_data_skip(handle) != ARCHIVE_OK {
                        throw ArchiveError.unreadableArchive(archive: name, entry: rawPath, message: LibarchiveRuntime.message(handle))
                    }
                    return ArchiveMember(path: path, isDirectory: false)
                }
                return ArchiveMember(path: path, isDirectory: false, contents: try contents(of: rawPath))
            case standoff_ae_iflnk:
                let target = Self.string(archive_entry_symlink_utf8(entry)) ?? Self.string(archive_entry_symlink(entry)) ?? ""
                throw ArchiveError.unsupportedEntryType(archive: name, entry: rawPath, kind: .symbolicLink(target: target))
            case standoff_ae_ifchr:
                throw ArchiveError.unsupportedEntryType(archive: name, entry: rawPath, kind: .characterDevice)
            case standoff_ae_ifblk:
                throw ArchiveError.unsupportedEntryType(archive: name, entry: rawPath, kind: .blockDevice)
            case standoff_ae_ififo:
                throw ArchiveError.unsupportedEntryType(archive: name, entry: rawPath, kind: .fifo)
            case standoff_ae_ifsock:
                throw ArchiveError.unsupportedEntryType(archive: name, entry: rawPath, kind: .socket)
            default:
                throw ArchiveError.unsupportedEntryType(archive: name, entry: rawPath, kind: .unknown(mode: type))
            }
        }

        /// Inflates the current entry chunk by chunk, stopping as soon as a cap is passed.
        private mutating func contents(of entryName: String) throws -> [UInt8] {
            var contents: [UInt8] = []
            let handle = self.handle
            while true {
                let count = buffer.withUnsafeMutableBytes { archive_read_data(handle, $0.baseAddress, $0.count) }
                if count == 0 { return contents }
                if count < 0 {
                    throw ArchiveError.unreadableArchive(archive: name, entry: entryName, message: LibarchiveRuntime.message(handle))
                }
                if Int64(contents.count) + Int64(count) > limits.maxEntryBytes {
                    throw ArchiveError.entryTooLarge(archive: name, entry: entryName, limit: limits.maxEntryBytes)
                }
                totalBytes += Int64(count)
                if totalBytes > limits.maxTotalBytes {
                    throw ArchiveError.totalTooLarge(archive: name, entry: entryName, limit: limits.maxTotalBytes)
                }
                contents.append(contentsOf: buffer[0..<count])
            }
        }

        private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}

/// POSIX read(2), under a name that the `read` methods above do not shadow.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
