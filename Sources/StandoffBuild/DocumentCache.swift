import Foundation
import StandoffCore

/// Each document as the costly stages (clean, split, annotate) left it, stored under
/// `build/cache/`, so a run after one raw file changed re-annotates that file only.
///
/// Entries live in a folder named for a fingerprint of the program and the rule files, so a
/// rebuilt program or any rule edit starts an empty folder (and the old one is removed when a
/// run completes). In that folder one pack file, `entries.pack`, holds an entry per document
/// and an index by raw file path; each entry holds the raw file's SHA-256, checked on reading:
/// content-addressed by raw bytes, rules and code. The stages after the cache (corrections,
/// validation, export) always run, so a correction edit needs no re-annotation, and a damaged
/// or stale entry is read as a miss, never as data.
///
/// Every run writes a new pack in document order (entries read back are copied over) and
/// renames it into place at the end, so the pack holds exactly the current corpus and a run
/// that stops half-way leaves the last one whole. One file rather than one per document: on
/// ext4, creating 10,000 files from two threads cost more than encoding the entries.
///
/// ```
/// run                  → every document annotated, 10000 entries written
/// edit raw/a.txt, run  → a.txt annotated, 9999 read back; archives equal a clean build's
/// edit a rule, run     → new folder: every document annotated again
/// ```
struct DocumentCache: Sendable {
    /// The last stage whose output is cached.
    static let lastCachedStage = Annotate.description.identifier
    static let packName = "entries.pack"

    /// `build/cache`.
    let root: String
    /// `build/cache/<fingerprint>`, this program's and these rules' entries.
    let folder: String
    /// Whether a new pack is written as well as the last one read (`stats` only reads).
    let writes: Bool
    /// The last run's pack, if there is a readable one.
    private let pack: CachePack?

    /// The cache under `root` for the program and rules with SHA-256 `rulesFingerprint`; opens the last run's pack.
    init(root: String, rulesFingerprint: String, writes: Bool) {
        self.root = root
        self.writes = writes
        let context = FileOutput.sha256(ofText: "document cache \(CachedDocument.formatVersion) \(CachePack.formatVersion)\n"
                                                 + "program \(BuildStamp.programFingerprint)\n"
                                                 + "rules \(rulesFingerprint)\nthrough \(Self.lastCachedStage)\n")
        folder = root + "/" + context.prefix(16)
        pack = CachePack(path: folder + "/" + Self.packName)
    }

    var packPath: String { folder + "/" + Self.packName }

    /// The entry for `document` (whose raw file ingest has read), if one was made from the same
    /// bytes at the same path, with its bytes to copy into the next pack.
    func load(_ document: Document) -> (entry: CachedDocument, bytes: [UInt8])? {
        guard let bytes = pack?.bytes(of: document.sourceFile),
              let entry = try? CachedDocument(bytes: bytes),
              entry.sourceSHA256 == document.sourceSHA256, entry.sourceFile == document.sourceFile else { return nil }
        return (entry, bytes)
    }

    /// A writer for this run's pack, or `nil` when the cache is only read or its folder cannot be made.
    func makeWriter() -> CachePackWriter? {
        guard writes, (try? FileOutput.makeFolder(folder)) != nil else { return nil }
        return CachePackWriter(path: packPath)
    }

    /// After a complete run: removes other programs' and rules' folders, and in this one every
    /// file but the pack (such as the partial pack of a run that was killed), except a partial
    /// pack of a run still going; so the cache never holds more than one corpus's worth.
    func removeStaleFiles() {
        guard writes else { return }
        let current = String(folder.dropFirst(root.count + 1))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] where name != current {
            FileOutput.remove(root + "/" + name)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name != Self.packName {
            if let process = CachePackWriter.process(writing: name), process != getpid(), kill(process, 0) == 0 { continue }
            FileOutput.remove(folder + "/" + name)
        }
    }
}

/// Where a pack's entries are, as the index at its end says; entries are read on demand with
/// `pread`, which threads may call at once.
///
/// ```
/// "standoff-cache\n" · entry · entry · … · index (count; path key, offset, length, checksum each)
///   · index offset (8 bytes, little-endian) · "standoff-cache-end\n"
/// ```
final class CachePack: Sendable {
    /// Raised to reject every pack written in an older layout.
    static let formatVersion = 2
    static let header = Array("standoff-cache\n".utf8)
    static let footer = Array("standoff-cache-end\n".utf8)

    struct Location: Sendable {
        var offset: Int
        var length: Int
        /// ``checksum(_:)`` of the entry's bytes: a damaged entry that still decodes would otherwise be read as data.
        var checksum: UInt64
    }

    private let descriptor: Int32
    /// By ``key(of:)`` of the raw file's path; a collision only costs a miss, as entries are checked.
    private let locations: [UInt64: Location]

    /// Opens the pack at `path`; `nil` if there is none or it is not a whole pack of this format.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        guard let locations = Self.readIndex(descriptor) else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.locations = locations
    }

    deinit { close(descriptor) }

    /// The entry bytes stored for the raw file at `sourceFile`, if any.
    func bytes(of sourceFile: String) -> [UInt8]? {
        guard let location = locations[Self.key(of: sourceFile)],
              let bytes = Self.read(descriptor, at: location.offset, count: location.length),
              Self.checksum(bytes) == location.checksum else { return nil }
        return bytes
    }

    /// The path's ``checksum(_:)``: a key the index stores in a few bytes.
    static func key(of sourceFile: String) -> UInt64 {
        checksum(sourceFile.utf8)
    }

    /// FNV-1a, 64 bits: cheap, and enough to tell a damaged entry from the one written.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        return read == count ? bytes : nil
    }

    private static func readIndex(_ descriptor: Int32) -> [UInt64: Location]? {
        let size = Int(lseek(descriptor, 0, SEEK_END))
        let trailer = 8 + footer.count
        guard size >= header.count + trailer,
              read(descriptor, at: 0, count: header.count) == header,
              let end = read(descriptor, at: size - trailer, count: trailer), Array(end[8...]) == footer else { return nil }
        let indexOffset = end[..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard indexOffset >= header.count, indexOffset <= size - trailer,
              let index = read(descriptor, at: indexOffset, count: size - trailer - indexOffset) else { return nil }
        var reader = BinaryReader(index)
        do {
            guard try reader.readInt() == formatVersion else { return nil }
            var locations: [UInt64: Location] = [:]
            let count = try reader.readCount()
            locations.reserveCapacity(count)
            for _ in 0..<count {
                let key = UInt64(bitPattern: Int64(try reader.readInt()))
                let location = Location(offset: try reader.readInt(), length: try reader.readInt(),
                                        checksum: UInt64(bitPattern: Int64(try reader.readInt())))
                guard location.offset >= header.count, location.length >= 0, location.offset <= indexOffset - location.length else { return nil }
                locations[key] = location
            }
            return reader.isAtEnd ? locations : nil
        } catch {
            return nil
        }
    }
}

/// Writes a run's pack aside and renames it into place when the run ends. A failure to write
/// costs only a later re-annotation, so it stops the writing and is not an error.
final class CachePackWriter {
    private let path: String
    private let partial: String
    private var file: BufferedFile?
    private var offset = 0
    private var index = BinaryWriter()
    private var count = 0

    static let partialSuffix = ".partial"

    /// The process writing the partial pack `name`, if `name` is one.
    static func process(writing name: String) -> pid_t? {
        guard name.hasPrefix(DocumentCache.packName + "."), name.hasSuffix(partialSuffix) else { return nil }
        return pid_t(name.dropFirst(DocumentCache.packName.count + 1).dropLast(partialSuffix.count))
    }

    init?(path: String) {
        self.path = path
        // The process id keeps two runs on one build folder apart.
        partial = path + ".\(getpid())" + Self.partialSuffix
        guard let file = try? BufferedFile(path: partial) else { return nil }
        self.file = file
        write(CachePack.header)
    }

    /// Appends the entry of the raw file at `sourceFile`.
    func append(_ entry: [UInt8], sourceFile: String) {
        let start = offset
        write(entry)
        index.write(Int(Int64(bitPattern: CachePack.key(of: sourceFile))))
        index.write(start)
        index.write(entry.count)
        index.write(Int(Int64(bitPattern: CachePack.checksum(entry))))
        count += 1
    }

    /// Writes the index and puts the pack in place of the last one.
    func finish() {
        var trailer = BinaryWriter()
        trailer.write(CachePack.formatVersion)
        trailer.write(count)
        let indexOffset = offset
        write(trailer.bytes)
        write(index.bytes)
        write((0..<8).map { UInt8(truncatingIfNeeded: indexOffset >> (8 * $0)) })
        write(CachePack.footer)
        guard let file, (try? file.close()) != nil, (try? FileOutput.rename(partial, to: path)) != nil else {
            self.file = nil
            return FileOutput.remove(partial)
        }
        self.file = nil
    }

    /// A run that stopped before ``finish()`` (a table could not be written) leaves no partial pack behind.
    deinit {
        guard let file else { return }
        try? file.close()
        FileOutput.remove(partial)
    }

    private func write(_ bytes: [UInt8]) {
        guard let file else { return }
        do {
            try file.write(bytes: bytes)
            offset += bytes.count
        } catch {
            try? file.close()
            self.file = nil
            FileOutput.remove(partial)
        }
    }
}
