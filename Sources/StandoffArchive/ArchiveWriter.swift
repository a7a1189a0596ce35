#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CLibArchive

/// Writes a deterministic .tar.gz or .zip archive to a temporary file and moves it into place on commit.
///
/// Identical entries added in the same order with the same options always give
/// byte-identical archives: every entry's metadata is fixed (owner 0/0 `root`,
/// mode 0644 or 0755, mtime from `ArchiveOptions`) rather than copied from disk,
/// and the gzip header carries no time stamp. Entries are written in the order
/// they are added, so callers sort them first.
///
/// The archive never appears at its final path half-written: it is built at
/// `temporaryPath` and renamed over the final path by `commit(to:)`. If any
/// step throws, or the writer is released without a commit, the temporary file
/// is deleted and the writer refuses further use.
///
/// The writer owns a libarchive handle, so it is a class that is not `Sendable`:
/// use each writer from one task.
public final class ArchiveWriter {
    /// The format being written.
    public let format: ArchiveFormat
    /// Where the archive is built until `commit(to:)` renames it.
    public let temporaryPath: String
    /// The settings stamped on every entry.
    public let options: ArchiveOptions

    /// How much of a copied file is held in memory at once.
    static let chunkSize = 64 * 1024
    /// The owner recorded for every entry; fixed so that archives do not depend on who built them.
    static let ownerName = "root"

    /// The earliest time a zip entry can hold: 1980-01-01T00:00:00Z, the DOS epoch.
    public static let earliestZipTime: Int64 = 315_532_800
    /// The latest time a zip entry can hold: 2106-02-07T06:28:14Z.
    ///
    /// DOS dates reach 2107, but the extended-timestamp field libarchive adds is an
    /// unsigned 32-bit count of seconds (and DOS times move in 2-second steps).
    public static let latestZipTime: Int64 = 4_294_967_294

    private enum State { case open, committed, failed }

    private var handle: OpaquePointer?
    private var descriptor: Int32
    private var state: State = .open
    private var addedPaths: Set<String> = []
    private let entryTime: Int64

    /// Creates (or truncates) `temporaryPath` and prepares to write entries into it.
    ///
    /// Sets the process locale to `C.UTF-8`, which libarchive needs for non-ASCII names,
    /// and for zip the process's `TZ` to UTC, because libarchive turns times into DOS
    /// dates with `localtime()`.
    /// - Throws: `ArchiveError.invalidCompressionLevel`, `.setupFailed` or `.cannotCreate`.
    public init(format: ArchiveFormat, temporaryPath: String, options: ArchiveOptions) throws {
        guard (0...9).contains(options.compressionLevel) else {
            throw ArchiveError.invalidCompressionLevel(options.compressionLevel)
        }
        LibarchiveRuntime.prepare(for: format)

        guard let handle = archive_write_new() else {
            throw ArchiveError.setupFailed(archive: temporaryPath, step: "archive_write_new", message: "out of memory")
        }
        do {
            try Self.configure(handle, format: format, level: options.compressionLevel, archive: temporaryPath)
        } catch {
            archive_write_free(handle)
            throw error
        }

        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            let reason = LibarchiveRuntime.systemMessage(errno)
            archive_write_free(handle)
            throw ArchiveError.cannotCreate(path: temporaryPath, reason: reason)
        }
        if archive_write_open_fd(handle, descriptor) != ARCHIVE_OK {
            let message = LibarchiveRuntime.message(handle)
            archive_write_fail(handle)
            archive_write_free(handle)
            close(descriptor)
            unlink(temporaryPath)
            throw ArchiveError.setupFailed(archive: temporaryPath, step: "archive_write_open_fd", message: message)
        }

        self.format = format
        self.temporaryPath = temporaryPath
        self.options = options
        self.handle = handle
        self.descriptor = descriptor
        switch format {
        case .tarGzip:
            self.entryTime = options.modificationTime
        case .zip:
            // Zip cannot hold times outside 1980...2106. libarchive would clamp only the
            // DOS field and keep the real time in the extended timestamp, so the two
            // fields would disagree; clamping here keeps them equal.
            self.entryTime = min(max(options.modificationTime, Self.earliestZipTime), Self.latestZipTime)
        }
    }

    deinit {
        if state == .open { abandon() }
    }

    /// Adds a folder entry (mode 0755).
    /// - Parameter path: A relative path with `/` separators, without a trailing `/`.
    /// - Throws: `ArchiveError`; the writer is then abandoned and its temporary file deleted.
    public func addDirectory(_ path: String) throws {
        try step {
            try writeHeader(path: path, mode: mode_t(standoff_ae_ifdir | 0o755), size: 0)
        }
    }

    /// Adds a file entry (mode 0644) holding `contents`.
    /// - Parameter path: A relative path with `/` separators.
    /// - Throws: `ArchiveError`; the writer is then abandoned and its temporary file deleted.
    public func addFile(_ path: String, contents: [UInt8]) throws {
        try step {
            try writeHeader(path: path, mode: mode_t(standoff_ae_ifreg | 0o644), size: Int64(contents.count))
            try contents.withUnsafeBytes { try writeData($0, entry: path) }
        }
    }

    /// Adds a file entry (mode 0644) whose bytes are streamed from the regular file at `sourcePath`.
    ///
    /// The file is copied in 64 KiB chunks, so its size does not matter; only its
    /// bytes are used, never its owner, mode or times.
    /// - Throws: `ArchiveError`; the writer is then abandoned and its temporary file deleted.
    public func addFile(_ path: String, copying sourcePath: String) throws {
        try step {
            try copyFile(path, from: sourcePath)
        }
    }

    /// Finishes the archive, flushes it to disk and renames it to `finalPath`, replacing any file there.
    ///
    /// `finalPath` must be on the same file system as `temporaryPath`.
    /// - Throws: `ArchiveError.writeFailed` or `.commitFailed`; the temporary file is then deleted.
    public func commit(to finalPath: String) throws {
        try step {
            let handle = self.handle
            let closed = archive_write_close(handle)
            if closed != ARCHIVE_OK {
                throw ArchiveError.writeFailed(archive: temporaryPath, entry: nil, message: LibarchiveRuntime.message(handle))
            }
            archive_write_free(handle)
            self.handle = nil

            // Flush before the rename so a crash cannot leave a renamed but empty archive.
            if fsync(descriptor) != 0 {
                throw ArchiveError.writeFailed(archive: temporaryPath, entry: nil, message: LibarchiveRuntime.systemMessage(errno))
            }
            let result = close(descriptor)
            descriptor = -1
            if result != 0 {
                throw ArchiveError.writeFailed(archive: temporaryPath, entry: nil, message: LibarchiveRuntime.systemMessage(errno))
            }
            if rename(temporaryPath, finalPath) != 0 {
                throw ArchiveError.commitFailed(
                    temporaryPath: temporaryPath, finalPath: finalPath, reason: LibarchiveRuntime.systemMessage(errno))
            }
            state = .committed
        }
    }

    // MARK: - Steps

    /// Runs one public operation; any error abandons the writer so no partial file survives.
    private func step(_ body: () throws -> Void) throws {
        guard state == .open else { throw ArchiveError.writerClosed(archive: temporaryPath) }
        do {
            try body()
        } catch {
            abandon()
            throw error
        }
    }

    /// Releases the handle and the descriptor and deletes the temporary file.
    private func abandon() {
        if let handle {
            // Marking the handle failed stops archive_write_free from finishing the archive.
            archive_write_fail(handle)
            archive_write_free(handle)
            self.handle = nil
        }
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
        state = .failed
    }

    private static func configure(_ handle: OpaquePointer, format: ArchiveFormat, level: Int, archive: String) throws {
        func check(_ result: Int32, _ step: String) throws {
            if result != ARCHIVE_OK {
                throw ArchiveError.setupFailed(archive: archive, step: step, message: LibarchiveRuntime.message(handle))
            }
        }
        switch format {
        case .tarGzip:
            // pax_restricted writes plain ustar headers and adds pax records only when a
            // name or value does not fit (for instance non-ASCII names).
            try check(archive_write_set_format_pax_restricted(handle), "archive_write_set_format_pax_restricted")
            try check(archive_write_add_filter_gzip(handle), "archive_write_add_filter_gzip")
            // Without this the gzip header's bytes 4-7 hold the current time.
            try check(archive_write_set_options(handle, "gzip:!timestamp"), "option gzip:!timestamp")
            try check(archive_write_set_options(handle, "gzip:compression-level=\(level)"), "option gzip:compression-level=\(level)")
        case .zip:
            try check(archive_write_set_format_zip(handle), "archive_write_set_format_zip")
            try check(archive_write_set_options(handle, "zip:compression=deflate"), "option zip:compression=deflate")
            try check(archive_write_set_options(handle, "zip:compression-level=\(level)"), "option zip:compression-level=\(level)")
        }
        // No padding to a 10240-byte block: the output must not depend on whether it
        // goes to a file, a pipe or a device.
        try check(archive_write_set_bytes_in_last_block(handle, 1), "archive_write_set_bytes_in_last_block")
    }

    private func writeHeader(path: String, mode: mode_t, size: Int64) throws {
        if let problem = EntryPath.problemForWriting(path) {
            throw ArchiveError.invalidEntryPath(archive: temporaryPath, entry: path, problem: problem)
        }
        guard addedPaths.insert(path).inserted else {
            throw ArchiveError.duplicateEntry(archive: temporaryPath, entry: path)
        }
        guard let entry = archive_entry_new() else {
            throw ArchiveError.writeFailed(archive: temporaryPath, entry: path, message: "out of memory")
        }
        defer { archive_entry_free(entry) }
        // Built field by field: copying a stat from disk would add atime/ctime pax records
        // and the builder's uid, gid and permissions.
        archive_entry_set_pathname_utf8(entry, path)
        archive_entry_set_mode(entry, mode)
        archive_entry_set_size(entry, size)
        archive_entry_set_mtime(entry, time_t(entryTime), 0)
        archive_entry_set_uid(entry, 0)
        archive_entry_set_gid(entry, 0)
        archive_entry_set_uname_utf8(entry, Self.ownerName)
        archive_entry_set_gname_utf8(entry, Self.ownerName)
        if archive_write_header(handle, entry) != ARCHIVE_OK {
            throw ArchiveError.writeFailed(archive: temporaryPath, entry: path, message: LibarchiveRuntime.message(handle))
        }
    }

    private func writeData(_ bytes: UnsafeRawBufferPointer, entry path: String) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = archive_write_data(handle, base + offset, bytes.count - offset)
            if written <= 0 {
                throw ArchiveError.writeFailed(archive: temporaryPath, entry: path, message: LibarchiveRuntime.message(handle))
            }
            offset += Int(written)
        }
    }

    private func copyFile(_ path: String, from sourcePath: String) throws {
        func sourceError(_ code: Int32) -> ArchiveError {
            .cannotReadSource(archive: temporaryPath, entry: path, source: sourcePath, reason: LibarchiveRuntime.systemMessage(code))
        }
        let source = open(sourcePath, O_RDONLY | O_CLOEXEC)
        if source < 0 { throw sourceError(errno) }
        defer { close(source) }

        var info = stat()
        if fstat(source, &info) != 0 { throw sourceError(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ArchiveError.cannotReadSource(
                archive: temporaryPath, entry: path, source: sourcePath, reason: "not a regular file")
        }
        let size = Int64(info.st_size)
        try writeHeader(path: path, mode: mode_t(standoff_ae_ifreg | 0o644), size: size)

        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var copied: Int64 = 0
        while copied < size {
            let wanted = Int(min(Int64(buffer.count), size - copied))
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw sourceError(errno)
            }
            // A short file would leave the entry shorter than its header says.
            if count == 0 { throw ArchiveError.sourceChanged(archive: temporaryPath, entry: path, source: sourcePath) }
            try buffer.withUnsafeBytes { try writeData(UnsafeRawBufferPointer(rebasing: $0[0..<count]), entry: path) }
            copied += Int64(count)
        }
        // A file that grew would be silently truncated; refuse it instead.
        var extra: UInt8 = 0
        var trailing: Int
        repeat { trailing = read(source, &extra, 1) } while trailing < 0 && errno == EINTR
        if trailing < 0 { throw sourceError(errno) }
        if trailing > 0 { throw ArchiveError.sourceChanged(archive: temporaryPath, entry: path, source: sourcePath) }
    }
}
