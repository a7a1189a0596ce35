import Foundation
import StandoffArchive
import Testing

/// Other tools must accept the archives, not just libarchive reading its own output.
@Suite("Accepted by system tools")
struct SystemToolTests {
    static let modificationTime: Int64 = 1_700_000_000  // 2023-11-14T22:13:20Z

    /// The names tools list: folders end in `/`.
    static let listedNames: [String] = Sample.entries.map {
        if case .directory(let path) = $0 { return path + "/" }
        return $0.path
    }

    /// Writes the sample tree and returns the archive path (inside `directory`).
    static func sampleArchive(_ format: ArchiveFormat, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("release.\(format.fileExtension)")
        try Sample.write(format: format, options: ArchiveOptions(modificationTime: modificationTime), to: path, in: directory)
        return path
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    @Test("bsdtar lists and verifies every entry", .enabled(if: Tool.available("bsdtar")), arguments: ArchiveFormat.allCases)
    func bsdtar(format: ArchiveFormat) throws {
        try withTemporaryDirectory { directory in
            let path = try Self.sampleArchive(format, in: directory)
            let names = try Tool.run(["bsdtar", "-tf", path])
            #expect(names.status == 0, "\(names.errors)")
            #expect(Self.lines(names.output) == Self.listedNames)

            let verbose = try Tool.run(["bsdtar", "-tvf", path])
            #expect(verbose.status == 0, "\(verbose.errors)")
            let rows = Self.lines(verbose.output)
            #expect(rows.count == Sample.entries.count)
            for (row, entry) in zip(rows, Sample.entries) {
                if case .directory = entry {
                    #expect(row.hasPrefix("drwxr-xr-x "), "\(row)")
                } else {
                    #expect(row.hasPrefix("-rw-r--r-- "), "\(row)")
                }
                if format == .tarGzip {
                    #expect(row.contains(" root "), "\(row)")  // zip stores no owner names
                }
                #expect(row.contains("Nov 14  2023"), "\(row)")
            }
        }
    }

    @Test("unzip tests the zip without errors and lists every entry", .enabled(if: Tool.available("/usr/bin/unzip")))
    func unzip() throws {
        try withTemporaryDirectory { directory in
            let path = try Self.sampleArchive(.zip, in: directory)
            let test = try Tool.run(["/usr/bin/unzip", "-t", path])
            #expect(test.status == 0, "\(test.output)\(test.errors)")
            #expect(test.output.contains("No errors detected"))
            let names = try Tool.run(["/usr/bin/unzip", "-Z1", path])
            #expect(names.status == 0, "\(names.errors)")
            #expect(Self.lines(names.output) == Self.listedNames)
        }
    }

    /// What Python's tarfile/zipfile report for one entry.
    struct PythonEntry: Decodable, Equatable {
        var name: String
        var isDirectory: Bool
        var size: Int
        var mode: Int
        var mtime: Int64?
        var uid: Int?
        var gid: Int?
        var uname: String?
        var gname: String?
        var paxKeys: [String]?
        var date: [Int]?
        var utf8Flag: Bool?
    }

    static let pythonLister = """
        import json, sys, tarfile, zipfile
        path = sys.argv[1]
        out = []
        if path.endswith(".zip"):
            with zipfile.ZipFile(path) as z:
                bad = z.testzip()
                if bad is not None:
                    sys.exit("bad CRC in " + bad)
                for i in z.infolist():
                    out.append({"name": i.filename, "isDirectory": i.is_dir(), "size": len(z.read(i)),
                                "mode": (i.external_attr >> 16) & 0o7777, "date": list(i.date_time),
                                "utf8Flag": bool(i.flag_bits & 0x800)})
        else:
            with tarfile.open(path, "r:gz") as t:
                for m in t.getmembers():
                    size = len(t.extractfile(m).read()) if m.isfile() else 0
                    out.append({"name": m.name, "isDirectory": m.isdir(), "size": size, "mode": m.mode,
                                "mtime": int(m.mtime), "uid": m.uid, "gid": m.gid, "uname": m.uname,
                                "gname": m.gname, "paxKeys": sorted(m.pax_headers.keys())})
        print(json.dumps(out))
        """

    static func pythonListing(_ path: String) throws -> [PythonEntry] {
        let result = try Tool.run(["python3", "-c", pythonLister, path])
        try #require(result.status == 0, "\(result.errors)")
        return try JSONDecoder().decode([PythonEntry].self, from: Data(result.output.utf8))
    }

    @Test("Python's tarfile reads the fixed metadata", .enabled(if: Tool.available("python3")))
    func pythonTarfile() throws {
        try withTemporaryDirectory { directory in
            let path = try Self.sampleArchive(.tarGzip, in: directory)
            let entries = try Self.pythonListing(path)
            #expect(entries.map(\.name) == Sample.entries.map(\.path))
            #expect(entries.map(\.size) == Sample.entries.map(\.member.contents.count))
            for (entry, sample) in zip(entries, Sample.entries) {
                #expect(entry.isDirectory == sample.member.isDirectory)
                #expect(entry.mode == (sample.member.isDirectory ? 0o755 : 0o644), "\(entry.name)")
                #expect(entry.mtime == Self.modificationTime)
                #expect(entry.uid == 0 && entry.gid == 0)
                #expect(entry.uname == "root" && entry.gname == "root")
                // Only a name that ustar cannot hold needs a pax record; never atime or ctime.
                let expectedKeys = entry.name == Sample.nonASCIIName ? ["path"] : []
                #expect(entry.paxKeys == expectedKeys, "\(entry.name)")
            }
        }
    }

    @Test("Python's zipfile reads the fixed metadata with UTC times", .enabled(if: Tool.available("python3")))
    func pythonZipfile() throws {
        try withTemporaryDirectory { directory in
            let path = try Self.sampleArchive(.zip, in: directory)
            let entries = try Self.pythonListing(path)
            #expect(entries.map(\.name) == Self.listedNames)
            #expect(entries.map(\.size) == Sample.entries.map(\.member.contents.count))
            for (entry, sample) in zip(entries, Sample.entries) {
                #expect(entry.isDirectory == sample.member.isDirectory)
                #expect(entry.mode == (sample.member.isDirectory ? 0o755 : 0o644), "\(entry.name)")
                // The DOS time is the UTC wall clock of the modification time.
                #expect(entry.date == [2023, 11, 14, 22, 13, 20], "\(entry.name)")
            }
            let nonASCII = try #require(entries.first { $0.name == Sample.nonASCIIName })
            #expect(nonASCII.utf8Flag == true)
        }
    }

    @Test(
        "zip entry times outside 1980...2106 are clamped to the nearest representable date",
        .enabled(if: Tool.available("python3")),
        arguments: [
            (Int64(0), [1980, 1, 1, 0, 0, 0]),
            (Int64(-86_400), [1980, 1, 1, 0, 0, 0]),
            (Int64(5_000_000_000), [2106, 2, 7, 6, 28, 14]),
        ] as [(Int64, [Int])]
    )
    func zipDateClamp(modificationTime: Int64, date: [Int]) throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("clamped.zip")
            let options = ArchiveOptions(modificationTime: modificationTime)
            try Sample.write([.file("a.txt", Array("a".utf8))], format: .zip, options: options, to: path, in: directory)
            let entries = try Self.pythonListing(path)
            #expect(entries.map(\.date) == [date])
        }
    }
}
