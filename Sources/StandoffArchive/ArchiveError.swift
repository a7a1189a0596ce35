/// Everything that can go wrong while writing or reading an archive.
///
/// Each case names the archive and, where there is one, the entry, and its
/// `description` says what is wrong and what to do about it.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why an entry path is refused.
    public enum PathProblem: Sendable, Equatable {
        /// The path is the empty string.
        case empty
        /// The path starts with `/`.
        case absolute
        /// The path has a `..` component, which could escape the folder it is unpacked into.
        case parentDirectory
        /// The path holds a `\`, which Windows tools treat as a separator.
        case backslash
        /// The path has an empty or `.` component, or a trailing `/` (written archives only).
        case notNormalized
    }

    /// The kinds of entry a reader refuses because unpacking them can harm the machine.
    public enum EntryKind: Sendable, Equatable {
        /// A symbolic link to the given target.
        case symbolicLink(target: String)
        /// A hard link to the given earlier entry.
        case hardLink(target: String)
        /// A character device node.
        case characterDevice
        /// A block device node.
        case blockDevice
        /// A named pipe.
        case fifo
        /// A Unix domain socket.
        case socket
        /// An entry whose file type bits are none of the above.
        case unknown(mode: UInt32)
    }

    /// The compression level is outside 0...9.
    case invalidCompressionLevel(Int)
    /// libarchive refused to set up a handle or an option.
    case setupFailed(archive: String, step: String, message: String)
    /// The temporary archive file could not be created.
    case cannotCreate(path: String, reason: String)
    /// An entry path given to the writer is unsafe or not in canonical form.
    case invalidEntryPath(archive: String, entry: String, problem: PathProblem)
    /// The writer was given the same entry path twice.
    case duplicateEntry(archive: String, entry: String)
    /// A file to be copied into the archive could not be opened or read.
    case cannotReadSource(archive: String, entry: String, source: String, reason: String)
    /// A file being copied into the archive changed size while it was read.
    case sourceChanged(archive: String, entry: String, source: String)
    /// libarchive failed while writing an entry (or, with no entry, while finishing the archive).
    case writeFailed(archive: String, entry: String?, message: String)
    /// The finished archive could not be moved from its temporary path to its final path.
    case commitFailed(temporaryPath: String, finalPath: String, reason: String)
    /// The writer was used after it was committed or after an earlier step failed.
    case writerClosed(archive: String)
    /// An archive file could not be opened or loaded.
    case cannotReadArchive(path: String, reason: String)
    /// An archive file is larger than `ArchiveLimits.maxArchiveBytes`.
    case archiveTooLarge(archive: String, bytes: Int64, limit: Int64)
    /// libarchive could not parse the archive (or, with an entry, that entry's data).
    case unreadableArchive(archive: String, entry: String?, message: String)
    /// An entry in an archive being read has an unsafe path.
    case unsafeEntryPath(archive: String, entry: String, problem: PathProblem)
    /// An entry in an archive being read is a link, device or other non-regular file.
    case unsupportedEntryType(archive: String, entry: String, kind: EntryKind)
    /// The archive holds more entries than `ArchiveLimits.maxEntries`.
    case tooManyEntries(archive: String, limit: Int)
    /// One entry inflates to more than `ArchiveLimits.maxEntryBytes`.
    case entryTooLarge(archive: String, entry: String, limit: Int64)
    /// All entries together inflate to more than `ArchiveLimits.maxTotalBytes`; the entry is where the cap was passed.
    case totalTooLarge(archive: String, entry: String, limit: Int64)

    /// A message that says what is wrong and how to fix it.
    public var description: String {
        switch self {
        case .invalidCompressionLevel(let level):
            return "compression level \(level) is out of range; use a level from 0 (store) to 9 (smallest)"
        case .setupFailed(let archive, let step, let message):
            return "cannot set up \(archive): libarchive refused \(step): \(message); check that libarchive 3.6 or newer is installed"
        case .cannotCreate(let path, let reason):
            return "cannot create \(path): \(reason); create the folder first and check that it is writable"
        case .invalidEntryPath(let archive, let entry, let problem):
            return "cannot add \(quoted(entry)) to \(archive): the path \(problem.explanation); use a relative path with '/' separators such as 'data/file.txt'"
        case .duplicateEntry(let archive, let entry):
            return "cannot add \(quoted(entry)) to \(archive): an entry with that path was already added; add each path once"
        case .cannotReadSource(let archive, let entry, let source, let reason):
            return "cannot add \(quoted(entry)) to \(archive): reading \(source) failed: \(reason); check that it is a readable regular file"
        case .sourceChanged(let archive, let entry, let source):
            return "cannot add \(quoted(entry)) to \(archive): \(source) changed size while it was being copied; make sure nothing writes to it during the build"
        case .writeFailed(let archive, let entry?, let message):
            return "cannot write \(quoted(entry)) into \(archive): \(message); check the free disk space"
        case .writeFailed(let archive, nil, let message):
            return "cannot finish \(archive): \(message); check the free disk space"
        case .commitFailed(let temporaryPath, let finalPath, let reason):
            return "cannot move \(temporaryPath) to \(finalPath): \(reason); the temporary path must be on the same file system as the destination, whose folder must exist"
        case .writerClosed(let archive):
            return "the writer for \(archive) was already committed or failed; create a new writer"
        case .cannotReadArchive(let path, let reason):
            return "cannot read \(path): \(reason); check the path"
        case .archiveTooLarge(let archive, let bytes, let limit):
            return "refusing to read \(archive): it is \(bytes) bytes, above the limit of \(limit); raise maxArchiveBytes if the archive is trusted"
        case .unreadableArchive(let archive, let entry?, let message):
            return "cannot read \(quoted(entry)) in \(archive): \(message); the archive is damaged or uses an unsupported feature"
        case .unreadableArchive(let archive, nil, let message):
            return "cannot read \(archive): \(message); only .tar, .tar.gz and .zip archives are supported"
        case .unsafeEntryPath(let archive, let entry, let problem):
            return "refusing \(archive): entry \(quoted(entry)) \(problem.explanation); the archive is malformed or hostile"
        case .unsupportedEntryType(let archive, let entry, let kind):
            return "refusing \(archive): entry \(quoted(entry)) is \(kind.explanation); only regular files and folders are allowed"
        case .tooManyEntries(let archive, let limit):
            return "refusing \(archive): it holds more than \(limit) entries; raise maxEntries if the archive is trusted"
        case .entryTooLarge(let archive, let entry, let limit):
            return "refusing \(archive): entry \(quoted(entry)) inflates to more than \(limit) bytes; raise maxEntryBytes if the archive is trusted"
        case .totalTooLarge(let archive, let entry, let limit):
            return "refusing \(archive): its entries inflate to more than \(limit) bytes in total (passed at \(quoted(entry))); raise maxTotalBytes if the archive is trusted"
        }
    }

    private func quoted(_ text: String) -> String {
        "'" + text + "'"
    }
}

extension ArchiveError.PathProblem {
    /// The end of a sentence that starts with "the path".
    fileprivate var explanation: String {
        switch self {
        case .empty: return "is empty"
        case .absolute: return "is absolute (starts with '/')"
        case .parentDirectory: return "has a '..' component that points outside the archive"
        case .backslash: return "holds a backslash"
        case .notNormalized: return "has an empty or '.' component or a trailing '/'"
        }
    }
}

extension ArchiveError.EntryKind {
    /// A noun phrase for the kind, as in "entry 'x' is a symbolic link to 'y'".
    fileprivate var explanation: String {
        switch self {
        case .symbolicLink(let target): return "a symbolic link to '\(target)'"
        case .hardLink(let target): return "a hard link to '\(target)'"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .fifo: return "a named pipe (FIFO)"
        case .socket: return "a socket"
        case .unknown(let mode): return "of unknown type (mode 0o\(String(mode, radix: 8)))"
        }
    }
}
