import Foundation
import StandoffArchive
import Testing

/// A fresh, uniquely named folder under the system temporary directory, deleted by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("standoff-archive-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        path = url.path
    }

    /// The absolute path of `name` inside this folder.
    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Every path below the folder, relative and sorted, to show what a step created.
    func listing() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var paths: [String] = []
        while let next = enumerator?.nextObject() as? String { paths.append(next) }
        return paths.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs `body` with a new temporary folder and deletes the folder afterwards.
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
}

/// The outcome of running an external program.
struct ToolResult {
    var status: Int32
    var output: String
    var errors: String
}

/// External programs used to check that other tools accept the archives.
enum Tool {
    /// Whether `name` is an executable on PATH (or at an absolute path).
    static func available(_ name: String) -> Bool {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs `arguments` (looked up on PATH via /usr/bin/env) in a UTF-8 locale and collects its output.
    static func run(_ arguments: [String]) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment["TZ"] = "UTC"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolResult(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self)
        )
    }
}

/// Reads a whole file's bytes.
func readBytes(at path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Writes bytes to a file, replacing it.
func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// Deterministic pseudo-random bytes (a xorshift generator), compressible only a little.
func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
    var state = seed | 1
    var result = [UInt8](repeating: 0, count: count)
    for index in 0..<count {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        // Mostly text-like bytes so that compression levels make a visible difference.
        result[index] = UInt8(truncatingIfNeeded: 97 + (state % 16))
    }
    return result
}

/// One entry of a sample release tree.
enum SampleEntry {
    case directory(String)
    case file(String, [UInt8])
    /// A file copied from disk by `ArchiveWriter.addFile(_:copying:)`.
    case streamed(String, [UInt8])

    var path: String {
        switch self {
        case .directory(let path), .file(let path, _), .streamed(let path, _): return path
        }
    }

    var member: ArchiveMember {
        switch self {
        case .directory(let path): return ArchiveMember(path: path, isDirectory: true)
        case .file(let path, let contents), .streamed(let path, let contents):
            return ArchiveMember(path: path, isDirectory: false, contents: contents)
        }
    }
}

/// A release-like tree: a top folder, nested data, a non-ASCII name, an empty file and a multi-MB file.
enum Sample {
    static let nonASCIIName = "release/data/Zürich – café ñ 日本.txt"

    static let entries: [SampleEntry] = [
        .directory("release"),
        .file("release/README.md", Array("# Sample release\n".utf8)),
        .directory("release/data"),
        .file(nonASCIIName, Array("Grüße aus Zürich\n".utf8)),
        .streamed("release/data/big.bin", pseudoRandomBytes(count: 3 * 1024 * 1024 + 12_345, seed: 42)),
        .file("release/data/empty.txt", []),
        .directory("release/data/nested"),
        .file("release/data/nested/articles.jsonl", Array("{\"id\":1}\n{\"id\":2}\n".utf8)),
    ]

    /// Writes `entries` as an archive at `path`, staging streamed files in `directory`.
    static func write(
        _ entries: [SampleEntry] = Sample.entries,
        format: ArchiveFormat,
        options: ArchiveOptions,
        to path: String,
        in directory: TemporaryDirectory
    ) throws {
        let writer = try ArchiveWriter(format: format, temporaryPath: path + ".partial", options: options)
        for (index, entry) in entries.enumerated() {
            switch entry {
            case .directory(let name):
                try writer.addDirectory(name)
            case .file(let name, let contents):
                try writer.addFile(name, contents: contents)
            case .streamed(let name, let contents):
                let source = directory.file("source-\(index)-\(UUID().uuidString)")
                try writeBytes(contents, to: source)
                try writer.addFile(name, copying: source)
                try FileManager.default.removeItem(atPath: source)
            }
        }
        try writer.commit(to: path)
    }
}
