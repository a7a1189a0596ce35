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

    /// Compares the releases at `old` and `new` (each an archive or a folder).
    public static func diff(old: String, new: String, limits: ArchiveLimits = .default) throws -> DatasetDiff {
        DatasetDiff(old: try load(old, limits: limits), new: try load(new, limits: limits))
    }

    /// Writes `diff` as `folder/index.html` (``DatasetDiff/html``), creating the folder.
    public static func writeHTML(_ diff: DatasetDiff, folder: String) throws {
        try FileOutput.makeFolder(folder)
        try FileOutput.write(diff.html, to: folder + "/" + ReportFolder.indexName)
    }

    /// The tables of the release at `path`: a `.tar.gz`, `.tar` or `.zip` archive, a release
    /// folder `<name>-<version>/`, or a folder holding exactly one release folder.
    public static func load(_ path: String, limits: ArchiveLimits = .default) throws -> ReleaseTables {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw BuildError.unreadable(path: path, reason: "no such file or folder; give a release archive (.tar.gz or .zip) or an unpacked release folder")
        }
        if isFolder.boolValue {
            return try loadFolder(path, limits: limits)
        }
        let members: [ArchiveMember]
        do {
            members = try ArchiveReader.read(path: path, limits: limits)
        } catch let error as ArchiveError {
            throw BuildError.archive(error)
        }
        var files: [String: [UInt8]] = [:]
        for member in members where !member.isDirectory { files[member.path] = member.contents }
        return try tables(files: files, source: path)
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

    /// The tables of a release given as its files (archive paths → bytes); `source` names it in errors.
    public static func tables(files: [String: [UInt8]], source: String) throws -> ReleaseTables {
        let marker = "data/documents.jsonl"
        let roots = files.keys.filter { $0 == marker || ($0.hasSuffix("/" + marker) && !$0.dropLast(marker.count + 1).contains("/")) }
            .map { String($0.dropLast(marker.count)) }.sorted()
        guard let root = roots.first else {
            throw BuildError.unreadable(path: source, reason: "no data/documents.jsonl (at the top or under one top folder); is this a Standoff release?")
        }
        guard roots.count == 1 else {
            throw BuildError.unreadable(path: source, reason: "holds several releases (\(roots.joined(separator: ", "))); give one")
        }
        var tables: [String: [TableRow]] = [:]
        for name in tableNames {
            let entry = root + "data/" + name + ".jsonl"
            // An older release may lack a table a newer one has; it then has no rows.
            guard let bytes = files[entry] else { continue }
            tables[name] = try rows(bytes, location: "\(source): \(entry)")
        }
        var label = root.isEmpty ? (source as NSString).lastPathComponent : String(root.dropLast())
        var fingerprint: String?
        if let bytes = files[root + "datapackage.json"] {
            guard case let .object(package) = try decode(bytes, location: "\(source): \(root)datapackage.json") else {
                throw BuildError.unreadable(path: "\(source): \(root)datapackage.json", reason: "not a JSON object")
            }
            if case let .string(name)? = package["name"], case let .string(version)? = package["version"] {
                label = name + "-" + version
            }
            if case let .object(standoff)? = package["standoff"], case let .string(value)? = standoff["fingerprint"] {
                fingerprint = value.hasPrefix("sha256:") ? String(value.dropFirst(7)) : value
            }
        }
        return ReleaseTables(label: label, fingerprint: fingerprint, tables: tables)
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
        for relative in ["datapackage.json"] + tableNames.map({ "data/\($0).jsonl" }) {
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
        return try tables(files: files, source: path)
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

    private static func decode(_ bytes: [UInt8], location: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw BuildError.unreadable(path: location, reason: "not valid JSON; is this a Standoff release table?")
        }
    }
}
