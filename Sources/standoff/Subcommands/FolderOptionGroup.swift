import ArgumentParser
import Foundation
import StandoffBuild

/// The annotations and build folders: what every command that reads the project's annotations
/// or writes its build folder takes, `package` alone included.
struct FolderOptionGroup: ParsableArguments {
    /// Where the project keeps its annotations, relative to the folder standoff runs in.
    static let defaultAnnotations = "annotations"

    @Option(name: .long, help: ArgumentHelp("Folder with dataset.json and rules/.", valueName: "dir"))
    var annotations = defaultAnnotations

    @Option(name: .long, help: ArgumentHelp("Folder everything is written under.", valueName: "dir"))
    var build = "build"

    /// The build options for these folders, with `SOURCE_DATE_EPOCH` read from the environment.
    func options() throws -> BuildOptions {
        var epoch: Int64?
        if let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !value.isEmpty {
            epoch = try BuildOptions.sourceDateEpoch(value)
        }
        return BuildOptions(annotationsFolder: annotations, buildFolder: build, sourceDateEpoch: epoch, progress: isatty(STDERR_FILENO) == 1)
    }

    /// Runs `body` with the options while holding the build folder's lock, so two runs never
    /// write one build folder at once.
    func writing<T>(_ body: (BuildOptions) throws -> T) throws -> T {
        try holdingLock(options(), body)
    }
}

/// `body` run with `options` while this process holds their build folder's lock.
func holdingLock<T>(_ options: BuildOptions, _ body: (BuildOptions) throws -> T) throws -> T {
    let lock = try BuildFolderLock(folder: options.buildFolder)
    return try withExtendedLifetime(lock) { try body(options) }
}
