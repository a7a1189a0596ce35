/// A file of the release folder with its size and SHA-256, as listed in `datapackage.json`
/// and `SHA256SUMS`.
public struct ReleaseFile: Sendable, Equatable {
    /// Path relative to the release folder, e.g. `data/sentences.csv`.
    public var path: String
    /// Size in bytes.
    public var bytes: Int
    /// Lowercase hex SHA-256.
    public var sha256: String

    /// The content fingerprint: SHA-256 over `<sha256>  <path>\n` of every data file in path
    /// order, so two releases with the same data have the same fingerprint whatever their
    /// archive bytes, and any change to any table changes it.
    static func fingerprint(_ files: [ReleaseFile]) -> String {
        FileOutput.sha256(ofText: files.map { "\($0.sha256)  \($0.path)\n" }.joined())
    }
}
