import ArgumentParser
import StandoffBuild

/// What the commands that write a release folder (`run`, `export`) take besides the build options.
struct ReleaseOptionGroup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A previous release (archive or folder) to summarise the changes since, in the dataset card.", valueName: "path"))
    var previous: String?

    @Option(name: .long, help: ArgumentHelp("The commit the release is built from, recorded in the dataset card, datapackage.json and CITATION.cff: a full commit id, '-dirty' appended when files differ from it, or 'unknown' (default: asked of git where --annotations lies).", valueName: "id"))
    var sourceCommit: String?

    /// `options` with the previous release and the source commit, asked of git when not given.
    func applied(to options: BuildOptions) throws -> BuildOptions {
        var options = options
        options.previousRelease = previous
        if let sourceCommit {
            do { options.sourceCommit = try SourceCommit(sourceCommit) } catch let error as BuildError { throw ValidationError(error.description) }
        } else {
            options.sourceCommit = SourceCommit.detect(in: options.annotationsFolder)
        }
        return options
    }
}
