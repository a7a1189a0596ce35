import Foundation
import StandoffArchive

/// Packs the release folder into `build/dist/<name>-<version>.tar.gz` and `.zip`.
///
/// Every entry is built by hand (sorted paths, fixed owner, mode and time) so the same release
/// folder always gives the same archive bytes. Both archives are written under `build/tmp/` and
/// moved into `build/dist/` only when both are complete: when either fails (a full disk, a bad
/// file), both new ones are removed and the previous pair stays as it was.
public struct ReleasePackager: Sendable {
    /// The folder to pack; its name becomes the archives' top folder.
    public let releaseFolder: String
    /// Where finished archives go.
    public let distFolder: String
    /// Where archives are written before they are complete.
    public let temporaryFolder: String
    /// Entry modification time, seconds since 1970.
    public let modificationTime: Int64
    /// Refuse to replace an archive of this version whose data differ (for releases).
    public let protectReleasedVersion: Bool

    /// Creates a packager.
    public init(releaseFolder: String, distFolder: String, temporaryFolder: String, modificationTime: Int64, protectReleasedVersion: Bool = false) {
        self.releaseFolder = releaseFolder
        self.distFolder = distFolder
        self.temporaryFolder = temporaryFolder
        self.modificationTime = modificationTime
        self.protectReleasedVersion = protectReleasedVersion
    }

    /// The content fingerprint recorded in a `datapackage.json`.
    static func fingerprint(inDataPackage bytes: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let standoff = object["standoff"] as? [String: Any] else { return nil }
        return standoff["fingerprint"] as? String
    }

    /// Throws when `archive` exists and holds data that differ from the release folder's.
    func checkNotReplacingDifferentRelease(_ archive: String, top: String) throws {
        guard FileManager.default.fileExists(atPath: archive) else { return }
        let current = FileManager.default.contents(atPath: releaseFolder + "/datapackage.json").map { ReleasePackager.fingerprint(inDataPackage: Array($0)) } ?? nil
        let members = try ArchiveReader.read(path: archive)
        let released = members.first { $0.path == top + "/datapackage.json" }.flatMap { ReleasePackager.fingerprint(inDataPackage: $0.contents) }
        guard let current, let released, current == released else {
            throw BuildError.releaseChanged(archive: archive, released: released ?? "unknown", current: current ?? "unknown")
        }
    }

    /// Writes one archive of `entries` (sorted; folders end in `/`), complete, under `build/tmp/`;
    /// returns its path there.
    private func write(_ format: ArchiveFormat, entries: [(String, Bool)], top: String) throws -> String {
        let name = top + "." + format.fileExtension
        let writer = try ArchiveWriter(format: format, temporaryPath: temporaryFolder + "/" + name + ".partial",
                                       options: ArchiveOptions(modificationTime: modificationTime))
        for (path, isFolder) in entries {
            if isFolder {
                try writer.addDirectory(String(path.dropLast()))
            } else {
                try writer.addFile(path, copying: releaseFolder + "/" + path.dropFirst(top.count + 1))
            }
        }
        let complete = temporaryFolder + "/" + name
        try writer.commit(to: complete)
        return complete
    }

    /// Writes both archives and returns their paths.
    public func package() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: releaseFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError.nothingToPackage(path: releaseFolder)
        }
        let top = URL(fileURLWithPath: releaseFolder).lastPathComponent
        let files = FileOutput.files(below: releaseFolder)
        var folders: Set<String> = [top]
        for file in files {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(top + "/" + parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        // Folders and files in one sorted list, so every folder precedes its contents.
        let entries = (folders.map { ($0 + "/", true) } + files.map { (top + "/" + $0, false) }).sorted { $0.0 < $1.0 }

        try FileOutput.makeFolder(distFolder)
        try FileOutput.makeFolder(temporaryFolder)
        do {
            // Check both before writing either, so a refused release leaves both archives as they were.
            if protectReleasedVersion {
                for format in ArchiveFormat.allCases {
                    try checkNotReplacingDifferentRelease(distFolder + "/" + top + "." + format.fileExtension, top: top)
                }
            }
        } catch let error as ArchiveError {
            throw BuildError.archive(error)
        }
        // The two archives are written at the same time, one thread each: compression is the
        // cost, and each writer has its own handle and file.
        let results = ParallelMap.map(ArchiveFormat.allCases, jobs: ArchiveFormat.allCases.count) { format in
            Result { try write(format, entries: entries, top: top) }
        }
        let complete = results.compactMap { try? $0.get() }
        for result in results {
            guard case let .failure(error) = result else { continue }
            // Neither new archive is moved in: the previous pair stays a matching pair.
            complete.forEach(FileOutput.remove)
            throw (error as? ArchiveError).map(BuildError.archive) ?? error
        }
        var written: [String] = []
        for path in complete {
            let destination = distFolder + "/" + URL(fileURLWithPath: path).lastPathComponent
            try FileOutput.rename(path, to: destination)
            written.append(destination)
        }
        return written
    }
}
