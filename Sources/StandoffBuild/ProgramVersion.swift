/// The version of the standoff program, which `standoff --version` prints.
///
/// It is the program's, not the dataset's: a dataset's version is in its `annotations/dataset.json`
/// and changes when its data do; this one changes when the program does.
public enum ProgramVersion {
    /// Semantic version: major.minor.patch.
    public static let current = "0.1.0"
}
