import StandoffArchive
import StandoffCore

/// Everything that stops a build at the file-system edge; each message names the path and the fix.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    /// A folder the build needs does not exist.
    case missingFolder(path: String, role: String)
    /// The raw folder holds no `*.txt` file.
    case noRawFiles(folder: String)
    /// A raw path is not a regular readable file.
    case unreadable(path: String, reason: String)
    /// Two raw files would get the same document id.
    case duplicateID(id: String, first: String, second: String)
    /// `annotations/dataset.json` is missing or malformed.
    case manifest(path: String, reason: String)
    /// Rule files under `annotations/rules/` are missing: all of them when standoff runs outside
    /// a project folder.
    case missingRuleFiles(folder: String, names: [String])
    /// The pipeline reported errors; nothing was packaged.
    case failed(errors: [String], reportPath: String?)
    /// Warnings were found and `--strict` asks for none.
    case strictWarnings(count: Int, reportPath: String)
    /// Writing an output file failed.
    case write(path: String, reason: String)
    /// `package` was asked for before `export` made the release folder.
    case nothingToPackage(path: String)
    /// A release would replace an archive of the same version whose data differ.
    case releaseChanged(archive: String, released: String, current: String)
    /// A correction could not be recorded.
    case correction(String)
    /// An archive could not be written or read.
    case archive(ArchiveError)
    /// A core pipeline error, e.g. a bad rule file.
    case core(StandoffError)
    /// An option or environment variable has a value the build cannot use.
    case invalidOption(name: String, reason: String)
    /// Another run holds the build folder.
    case buildFolderBusy(path: String, holder: String)
    /// `standoff init` was given a folder that is already something other than an empty folder.
    case projectFolderInUse(path: String, reason: String)

    /// What to do when the annotations folder is not where standoff looks for it.
    static let projectFolderHint = "run standoff inside the project folder (the one holding annotations/), or pass --annotations DIR"

    public var description: String {
        switch self {
        case let .missingFolder(path, role):
            return "\(path): no such folder (the \(role) folder); create it or pass another with the option"
        case let .noRawFiles(folder):
            return "\(folder): no *.txt files; put the article text files there"
        case let .unreadable(path, reason):
            return "\(path): \(reason)"
        case let .duplicateID(id, first, second):
            return "\(second): document id '\(id)' is already used by \(first); rename one of the files (the file stem is the document id)"
        case let .manifest(path, reason):
            return "\(path): \(reason)"
        case let .missingRuleFiles(folder, names):
            if names.count == 1 {
                return "\(folder)/\(names[0]): the rule file is missing; restore it from version control, or \(Self.projectFolderHint)"
            }
            if Set(names) == Set(RuleSet.FileName.all) { return "\(folder): no rule files here; \(Self.projectFolderHint)" }
            return "\(folder): the rule files \(names.joined(separator: ", ")) are missing; restore them from version control, or \(Self.projectFolderHint)"
        case let .failed(errors, reportPath):
            guard let reportPath else { return errors.joined(separator: "\n") + "\n\(errors.count) error(s)" }
            return errors.joined(separator: "\n") + "\n\(errors.count) error(s); no archive was written. Details: \(reportPath)"
        case let .strictWarnings(count, reportPath):
            return "\(count) warning(s) and --strict was given; no archive was written. Details: \(reportPath)"
        case let .write(path, reason):
            return "\(path): cannot write: \(reason)"
        case let .nothingToPackage(path):
            return "\(path): no exported release folder; run 'standoff export' (or 'standoff run') first"
        case let .releaseChanged(archive, released, current):
            return "\(archive): this version was already released with different data (\(released), now \(current)); bump 'version' in annotations/dataset.json and add a 'changes' entry, or remove the old archive if it was never published"
        case let .correction(reason):
            return "cannot record the correction: \(reason)"
        case let .archive(error):
            return error.description
        case let .core(error):
            return error.description
        case let .invalidOption(name, reason):
            return "\(name) \(reason)"
        case let .buildFolderBusy(path, holder):
            return "\(path): another standoff run (\(holder)) is writing this build folder; wait for it to finish, or give this run another --build folder"
        case let .projectFolderInUse(path, reason):
            return "\(path): \(reason); standoff init makes a new project folder and never writes over files: name a folder that does not exist yet (or an empty one)"
        }
    }
}
