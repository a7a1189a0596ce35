import Foundation
import StandoffTestSupport

/// The built `standoff` program, run as a user runs it: in a folder of the test's choosing, with
/// standard input, reading what it prints and its exit status.
enum StandoffProgram {
    /// What one run printed and returned.
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The program beside the test bundle, where `swift build` and `swift test` put it.
    static let path: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent()] where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("standoff").path) {
            return folder.appendingPathComponent("standoff").path
        }
        return Repository.path(".build/debug/standoff")
    }()

    /// Runs `standoff arguments…` in `folder` with `input` on standard input.
    static func run(_ arguments: [String], input: String = "", in folder: String = Repository.root.path) throws -> Result {
        let streams = try TemporaryFolder()
        let outputPath = streams.path + "/stdout", errorsPath = streams.path + "/stderr", inputPath = streams.path + "/stdin"
        for path in [outputPath, errorsPath] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input.utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        // Help is laid out for the default terminal width, whatever the test runner's.
        process.environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": "80"]) { $1 }
        process.standardInput = FileHandle(forReadingAtPath: inputPath)
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorsPath)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: try streams.read("stdout"), as: UTF8.self),
                      errors: String(decoding: try streams.read("stderr"), as: UTF8.self))
    }
}
