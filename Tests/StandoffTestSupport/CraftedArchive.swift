import CLibArchive

/// One entry of a hand-made (possibly hostile) archive.
public enum CraftedEntry: Sendable {
    case file(String, [UInt8])
    /// A file of `count` zero bytes, written in chunks so that it never sits in memory whole.
    case zeros(String, count: Int)
    case directory(String)
    case symbolicLink(String, target: String)
    case hardLink(String, target: String)
    /// A device, FIFO or socket with the given file type bits.
    case node(String, type: UInt32)
}

/// Container formats used to craft test archives, including ones the reader must refuse.
public enum CraftedFormat: Sendable {
    case tarGzip, zip, tar, tarBzip2, tarXz, cpio, sevenZip
}

/// Builds archives in memory with libarchive's raw API, bypassing `ArchiveWriter`'s checks,
/// so tests can feed readers the archives an attacker would make.
public enum CraftedArchive {
    /// A libarchive call failed while crafting; the test cannot go on.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw Failure(description: message()) }
    }

    private static func require<T>(_ value: T?, _ message: String) throws -> T {
        guard let value else { throw Failure(description: message) }
        return value
    }

    /// The archive's bytes; `capacity` bounds the compressed output.
    public static func make(_ format: CraftedFormat, _ entries: [CraftedEntry], capacity: Int = 4 << 20) throws -> [UInt8] {
        let handle = try require(archive_write_new(), "archive_write_new")
        defer { archive_write_free(handle) }
        func check(_ result: Int32, _ what: String) throws {
            let message = archive_error_string(handle).map { String(cString: $0) } ?? ""
            try require(result == ARCHIVE_OK, "\(what): \(message)")
        }
        switch format {
        case .tarGzip:
            try check(archive_write_set_format_pax_restricted(handle), "pax")
            try check(archive_write_add_filter_gzip(handle), "gzip")
        case .zip:
            try check(archive_write_set_format_zip(handle), "zip")
        case .tar:
            try check(archive_write_set_format_pax_restricted(handle), "pax")
        case .tarBzip2:
            try check(archive_write_set_format_pax_restricted(handle), "pax")
            try check(archive_write_add_filter_bzip2(handle), "bzip2")
        case .tarXz:
            try check(archive_write_set_format_pax_restricted(handle), "pax")
            try check(archive_write_add_filter_xz(handle), "xz")
        case .cpio:
            try check(archive_write_set_format_cpio_newc(handle), "cpio")
        case .sevenZip:
            try check(archive_write_set_format_7zip(handle), "7zip")
        }
        var buffer = [UInt8](repeating: 0, count: capacity)
        var used = 0
        try buffer.withUnsafeMutableBytes { raw in
            try check(archive_write_open_memory(handle, raw.baseAddress, raw.count, &used), "open")
            for item in entries {
                try write(item, to: handle)
            }
            try check(archive_write_close(handle), "close")
        }
        return Array(buffer[0..<used])
    }

    private static func write(_ item: CraftedEntry, to handle: OpaquePointer) throws {
        let entry = try require(archive_entry_new(), "archive_entry_new")
        defer { archive_entry_free(entry) }
        archive_entry_set_mtime(entry, 1_700_000_000, 0)
        var data: [UInt8] = []
        var zeros = 0
        switch item {
        case .file(let path, let contents):
            archive_entry_set_pathname_utf8(entry, path)
            archive_entry_set_mode(entry, standoff_ae_ifreg | 0o644)
            archive_entry_set_size(entry, Int64(contents.count))
            data = contents
        case .zeros(let path, let count):
            archive_entry_set_pathname_utf8(entry, path)
            archive_entry_set_mode(entry, standoff_ae_ifreg | 0o644)
            archive_entry_set_size(entry, Int64(count))
            zeros = count
        case .directory(let path):
            archive_entry_set_pathname_utf8(entry, path)
            archive_entry_set_mode(entry, standoff_ae_ifdir | 0o755)
        case .symbolicLink(let path, let target):
            archive_entry_set_pathname_utf8(entry, path)
            archive_entry_set_mode(entry, standoff_ae_iflnk | 0o777)
            archive_entry_set_symlink_utf8(entry, target)
        case .hardLink(let path, let target):
            archive_entry_set_pathname_utf8(entry, path)
            archive_entry_set_mode(entry, standoff_ae_ifreg | 0o644)
            archive_entry_set_hardlink_utf8(entry, target)
        case .node(let path, let type):
            archive_entry_set_pathname_utf8(entry, path)
            archive_entry_set_mode(entry, type | 0o644)
        }
        let header = archive_write_header(handle, entry)
        let message = archive_error_string(handle).map { String(cString: $0) } ?? ""
        try require(header == ARCHIVE_OK, "header: \(message)")
        if !data.isEmpty {
            let written = data.withUnsafeBytes { archive_write_data(handle, $0.baseAddress, $0.count) }
            try require(written == data.count, "short write")
        }
        let chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while zeros > 0 {
            let count = min(zeros, chunk.count)
            let written = chunk.withUnsafeBytes { archive_write_data(handle, $0.baseAddress, count) }
            try require(written == count, "short write")
            zeros -= count
        }
    }
}
