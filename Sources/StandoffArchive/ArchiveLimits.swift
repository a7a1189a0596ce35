/// Caps that bound the memory and work spent reading an archive that may be hostile.
///
/// Sizes are counted as bytes are actually inflated, never taken from headers,
/// so a "zip bomb" is stopped as soon as it passes a cap.
public struct ArchiveLimits: Sendable, Equatable {
    /// The most bytes an archive file may have on disk before it is loaded.
    public var maxArchiveBytes: Int64
    /// The most entries (files and folders together) an archive may hold.
    public var maxEntries: Int
    /// The most bytes a single entry may inflate to.
    public var maxEntryBytes: Int64
    /// The most bytes all entries together may inflate to.
    public var maxTotalBytes: Int64

    /// Creates limits; every value must be positive to let anything through.
    public init(maxArchiveBytes: Int64, maxEntries: Int, maxEntryBytes: Int64, maxTotalBytes: Int64) {
        self.maxArchiveBytes = maxArchiveBytes
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
    }

    /// Limits generous enough for any release: 1 GiB on disk, 100,000 entries, 100 MB per entry, 1 GiB in total.
    public static let `default` = ArchiveLimits(
        maxArchiveBytes: 1 << 30,
        maxEntries: 100_000,
        maxEntryBytes: 100_000_000,
        maxTotalBytes: 1 << 30
    )
}
