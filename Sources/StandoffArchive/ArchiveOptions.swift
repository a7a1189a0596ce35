/// The settings that, together with the entries, fully determine an archive's bytes.
public struct ArchiveOptions: Sendable, Equatable {
    /// The compression level used when none is given: zlib's own default.
    public static let defaultCompressionLevel = 6

    /// The modification time stamped on every entry, in seconds since 1970-01-01 UTC.
    ///
    /// Callers take it from `SOURCE_DATE_EPOCH` so that rebuilding the same release
    /// gives the same bytes. Zip cannot represent times before 1980-01-01 or after
    /// early 2106, so zip archives clamp it into that range (see `ArchiveWriter.earliestZipTime`).
    public var modificationTime: Int64

    /// The deflate level, from 0 (store only) to 9 (smallest output).
    public var compressionLevel: Int

    /// Creates options with the given entry time and compression level.
    public init(modificationTime: Int64, compressionLevel: Int = ArchiveOptions.defaultCompressionLevel) {
        self.modificationTime = modificationTime
        self.compressionLevel = compressionLevel
    }
}
