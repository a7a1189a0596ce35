/// One file or folder read back from an archive, held in memory.
public struct ArchiveMember: Sendable, Equatable {
    /// The relative path inside the archive, with `/` separators and no trailing `/`.
    public var path: String
    /// Whether the entry is a folder (its `contents` are then empty).
    public var isDirectory: Bool
    /// The entry's inflated bytes.
    public var contents: [UInt8]

    /// Creates a member from its path, kind and bytes.
    public init(path: String, isDirectory: Bool, contents: [UInt8] = []) {
        self.path = path
        self.isDirectory = isDirectory
        self.contents = contents
    }
}
