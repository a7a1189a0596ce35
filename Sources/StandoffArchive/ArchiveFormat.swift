/// The container formats a release can be published in.
public enum ArchiveFormat: String, Sendable, CaseIterable {
    /// A POSIX (pax) tar archive compressed with gzip.
    case tarGzip = "tar.gz"
    /// A zip archive whose files are compressed with deflate.
    case zip

    /// The file name extension for this format, without a leading dot (`tar.gz`, `zip`).
    public var fileExtension: String { rawValue }
}
