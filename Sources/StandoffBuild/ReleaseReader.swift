import Crypto
import Foundation
import StandoffArchive
import StandoffCore

/// Reads the JSONL tables of a release, from an archive or an unpacked release folder, for
/// `standoff diff` and the release notes.
///
/// Archives are read by `ArchiveReader`, in memory and within `ArchiveLimits`: an entry with
/// `..` or an absolute path, a link, a device or a decompression bomb is refused, and nothing
/// is ever written to disk. Folders are read within the same limits, regular files only.
public enum ReleaseReader {
    /// The tables a release is compared on.
    public static let tableNames = DatasetTables.all.map(\.name)

    /// Compares the releases at `old` and `new` (each an archive or a folder); `limits` as for ``load(_:limits:)``.
    public static func diff(old: String, new: String, limits: ArchiveLimits? = nil) throws -> DatasetDiff {
        DatasetDiff(old: try load(old, limits: limits), new: try load(new, limits: limits))
    }

    /// Caps of `bytes` for each table and for all of one release's tables together (`--max-bytes`).
    public static func limits(maxBytes bytes: Int64) -> ArchiveLimits {
        ArchiveLimits(maxArchiveBytes: max(bytes, ArchiveLimits.default.maxArchiveBytes), maxEntries: ArchiveLimits.default.maxEntries,
                      maxEntryBytes: bytes, maxTotalBytes: bytes)
    }

    /// The most a table may inflate to when the release's own list of its files gives its size:
    /// a hostile list cannot raise the caps past this.
    public static let sizedCapCeiling: Int64 = 16 << 30

    /// Writes `diff` as `folder/index.html` (``DatasetDiff/html``), creating the folder.
    public static func writeHTML(_ diff: DatasetDiff, folder: String) throws {
        try FileOutput.makeFolder(folder)
        try FileOutput.write(diff.html, to: folder + "/" + ReportFolder.indexName)
    }

    /// The tables of the release at `path`: a `.tar.gz`, `.tar` or `.zip` archive, a release
    /// folder `<name>-<version>/`, or a folder holding exactly one release folder.
    ///
    /// Every table the release lists (in `datapackage.json`'s `standoff.files`, or else in
    /// `SHA256SUMS`) must be there and have its listed SHA-256, and the listed hashes must give
    /// the recorded fingerprint; only the JSONL tables are inflated. `limits` caps what is read;
    /// `nil` sizes each table's cap from the release's own list (up to ``sizedCapCeiling``),
    /// with `ArchiveLimits.default` for anything the list does not size.
    public static func load(_ path: String, limits: ArchiveLimits? = nil) throws -> ReleaseTables {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw BuildError.unreadable(path: path, reason: "no such file or folder; give a release archive (.tar.gz or .zip) or an unpacked release folder")
        }
        if isFolder.boolValue {
            // Files on disk have their real sizes (no bomb to fear): only the ceiling applies by default.
            return try loadFolder(path, limits: limits ?? ArchiveLimits(maxArchiveBytes: ArchiveLimits.default.maxArchiveBytes, maxEntries: ArchiveLimits.default.maxEntries,
                                                                        maxEntryBytes: sizedCapCeiling, maxTotalBytes: sizedCapCeiling))
        }
        do {
            let base = limits ?? .default
            let bytes = try ArchiveReader.load(path: path, limits: base)
            // First the release's own lists, then only the tables they name.
            let listed = try ArchiveReader.read(bytes, name: path, limits: base, including: { isListing($0) })
            var files: [String: [UInt8]] = [:]
            for member in listed where !member.isDirectory { files[member.path] = member.contents }
            let root = try releaseRoot(Array(files.keys), source: path)
            let list = try FileList(files: files, root: root, source: path)
            let wanted = Set(list.tables.map { root + $0 })
            let tableLimits = limits ?? list.limits(base: base)
            for member in try ArchiveReader.read(bytes, name: path, limits: tableLimits, including: { wanted.contains($0) })
            where wanted.contains(member.path) {
                files[member.path] = member.contents
            }
            return try tables(files: files, source: path, list: list)
        } catch let error as ArchiveError {
            throw BuildError.archive(error)
        }
    }

    /// SHA-256 over the bytes of the archive at `path`, or over the paths and bytes of every file
    /// below the folder at `path`: what a build's record of its inputs holds for a previous release.
    public static func contentFingerprint(_ path: String) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw BuildError.unreadable(path: path, reason: "no such file or folder; give a release archive (.tar.gz or .zip) or an unpacked release folder")
        }
        guard isFolder.boolValue else { return try FileOutput.sha256(ofFile: path) }
        return FileOutput.sha256(ofText: try FileOutput.files(below: path).map { "\(try FileOutput.sha256(ofFile: path + "/" + $0))  \($0)\n" }.joined())
    }

    /// Whether an archive path is one of a release's lists of its files (read in the first pass).
    static func isListing(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard let last = parts.last, parts.count <= 2 else { return false }
        return last == "datapackage.json" || last == "SHA256SUMS"
    }

    /// The release's top folder inside an archive (`name-version/`, or "" at the top), found by
    /// its `datapackage.json` or `SHA256SUMS`.
    static func releaseRoot(_ paths: [String], source: String) throws -> String {
        let roots = Set(paths.filter(isListing).map { path -> String in
            let parts = path.split(separator: "/")
            return parts.count == 2 ? String(parts[0]) + "/" : ""
        }).sorted()
        guard let root = roots.first else {
            throw BuildError.unreadable(path: source, reason: "no datapackage.json or SHA256SUMS (at the top or under one top folder); is this a complete Standoff release?")
        }
        guard roots.count == 1 else {
            throw BuildError.unreadable(path: source, reason: "holds several releases (\(roots.joined(separator: ", "))); give one")
        }
        return root
    }

    /// A release's record of its data files: path (relative to the release folder) → size and SHA-256.
    struct FileList {
        var entries: [String: (bytes: Int64?, sha256: String)] = [:]
        /// The fingerprint `datapackage.json` records, when it does.
        var fingerprint: String?
        var source: String
        var root: String

        /// Read from `datapackage.json` (`standoff.files`, with sizes) or else `SHA256SUMS`.
        init(files: [String: [UInt8]], root: String, source: String) throws {
            self.source = source
            self.root = root
            if let bytes = files[root + "datapackage.json"] {
                guard case let .object(package) = try ReleaseReader.decode(bytes, location: "\(source): \(root)datapackage.json") else {
                    throw BuildError.unreadable(path: "\(source): \(root)datapackage.json", reason: "not a JSON object")
                }
                if case let .object(standoff)? = package["standoff"] {
                    if case let .string(value)? = standoff["fingerprint"] {
                        fingerprint = value.hasPrefix("sha256:") ? String(value.dropFirst(7)) : value
                    }
                    if case let .object(listed)? = standoff["files"] {
                        for (path, value) in listed {
                            guard case let .object(fields) = value, case let .string(hash)? = fields["sha256"] else { continue }
                            var size: Int64?
                            if case let .integer(bytes)? = fields["bytes"] { size = Int64(bytes) }
                            entries[path] = (size, hash)
                        }
                    }
                }
            }
            if entries.isEmpty, let bytes = files[root + "SHA256SUMS"] {
                for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                    let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
                    guard parts.count == 2 else { continue }
                    entries[String(parts[1].drop { $0 == " " || $0 == "*" })] = (nil, String(parts[0]))
                }
            }
            guard !entries.isEmpty else {
                throw BuildError.unreadable(path: source, reason: "lists none of its files (no 'standoff.files' in datapackage.json, no SHA256SUMS); is this a complete Standoff release?")
            }
            guard entries["data/documents.jsonl"] != nil else {
                throw BuildError.unreadable(path: source, reason: "does not list data/documents.jsonl among its files; is this a Standoff release?")
            }
            // The listed hashes must be the ones the fingerprint was made from.
            if let fingerprint {
                let data = entries.filter { $0.key.hasPrefix("data/") }.sorted { $0.key < $1.key }
                let recomputed = FileOutput.sha256(ofText: data.map { "\($0.value.sha256)  \($0.key)\n" }.joined())
                if recomputed != fingerprint, entries.keys.contains(where: { $0.hasPrefix("data/") && $0.hasSuffix(".csv") }) {
                    throw BuildError.unreadable(path: "\(source): \(root)datapackage.json",
                                                reason: "the listed files' hashes do not give the recorded fingerprint \(fingerprint); the release was edited or damaged")
                }
            }
        }

        /// The JSONL tables the release lists, as paths relative to the release folder.
        var tables: [String] {
            ReleaseReader.tableNames.map { "data/\($0).jsonl" }.filter { entries[$0] != nil }
        }

        /// Caps for reading the listed tables: each at its listed size, all at their sum (within
        /// the ceiling); `base` where a size is not listed.
        func limits(base: ArchiveLimits) -> ArchiveLimits {
            let sizes = tables.map { entries[$0]?.bytes }
            guard !sizes.isEmpty, sizes.allSatisfy({ $0 != nil }) else { return base }
            let largest = min(ReleaseReader.sizedCapCeiling, sizes.compactMap { $0 }.max() ?? 0)
            let total = min(ReleaseReader.sizedCapCeiling, sizes.compactMap { $0 }.reduce(0, +))
            return ArchiveLimits(maxArchiveBytes: base.maxArchiveBytes, maxEntries: base.maxEntries,
                                 maxEntryBytes: max(largest, 1), maxTotalBytes: max(total, 1))
        }

        /// Throws unless the table at `path` (relative) is present with its listed hash.
        func check(_ path: String, bytes: [UInt8]?) throws {
            guard let entry = entries[path] else { return }
            guard let bytes else {
                throw BuildError.unreadable(path: "\(source): \(root)\(path)", reason: "is listed by the release but missing; the release is incomplete")
            }
            guard FileOutput.hex(SHA256.hash(data: bytes)) == entry.sha256 else {
                throw BuildError.unreadable(path: "\(source): \(root)\(path)", reason: "does not have the SHA-256 the release lists for it; the release was edited or damaged")
            }
        }
    }

    /// The tables of a release given as its files (archive paths → bytes); `source` names it in errors.
    static func tables(files: [String: [UInt8]], source: String, list: FileList) throws -> ReleaseTables {
        let root = list.root
        var tables: [String: [TableRow]] = [:]
        for name in tableNames {
            let relative = "data/" + name + ".jsonl"
            // An older release may lack a table a newer one has; it then has no rows. A table the
            // release lists must be there, whole.
            try list.check(relative, bytes: files[root + relative])
            guard let bytes = files[root + relative] else { continue }
            tables[name] = try rows(bytes, location: "\(source): \(root)\(relative)")
        }
        var label = root.isEmpty ? (source as NSString).lastPathComponent : String(root.dropLast())
        if let bytes = files[root + "datapackage.json"],
           case let .object(package) = try decode(bytes, location: "\(source): \(root)datapackage.json"),
           case let .string(name)? = package["name"], case let .string(version)? = package["version"] {
            label = name + "-" + version
        }
        return ReleaseTables(label: label, fingerprint: list.fingerprint, tables: tables)
    }

    /// Reads the release files of a folder, within `limits`, refusing links and special files.
    private static func loadFolder(_ path: String, limits: ArchiveLimits) throws -> ReleaseTables {
        let manager = FileManager.default
        var root = path
        if !manager.fileExists(atPath: path + "/data/documents.jsonl") {
            let children = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted()
            let releases = children.filter { manager.fileExists(atPath: path + "/" + $0 + "/data/documents.jsonl") }
            guard releases.count == 1 else {
                throw BuildError.unreadable(path: path, reason: releases.isEmpty
                    ? "no data/documents.jsonl here or in a folder below; is this an unpacked Standoff release?"
                    : "holds several releases (\(releases.joined(separator: ", "))); give one of them")
            }
            root = path + "/" + releases[0]
        }
        let top = (root as NSString).lastPathComponent
        var files: [String: [UInt8]] = [:]
        var total: Int64 = 0
        for relative in ["datapackage.json", "SHA256SUMS"] + tableNames.map({ "data/\($0).jsonl" }) {
            let file = root + "/" + relative
            guard let attributes = try? manager.attributesOfItem(atPath: file) else { continue }
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw BuildError.unreadable(path: file, reason: "not a regular file (links are not followed); replace it with the file itself")
            }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            if size > limits.maxEntryBytes {
                throw BuildError.archive(.entryTooLarge(archive: root, entry: relative, limit: limits.maxEntryBytes))
            }
            total += size
            if total > limits.maxTotalBytes {
                throw BuildError.archive(.totalTooLarge(archive: root, entry: relative, limit: limits.maxTotalBytes))
            }
            guard let data = manager.contents(atPath: file) else {
                throw BuildError.unreadable(path: file, reason: "cannot be read; check its permissions")
            }
            files[top + "/" + relative] = [UInt8](data)
        }
        return try tables(files: files, source: path, list: FileList(files: files, root: top + "/", source: path))
    }

    /// One row per line of a JSONL table.
    private static func rows(_ bytes: [UInt8], location: String) throws -> [TableRow] {
        var rows: [TableRow] = []
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty || line == [0x0D] { continue }
            guard case let .object(values) = try decode(Array(line), location: "\(location):\(number)") else {
                throw BuildError.unreadable(path: "\(location):\(number)", reason: "not a JSON object; each line of a table is one row object")
            }
            rows.append(TableRow(values))
        }
        return rows
    }

    static func decode(_ bytes: [UInt8], location: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw BuildError.unreadable(path: location, reason: "not valid JSON; is this a Standoff release table?")
        }
    }
}
