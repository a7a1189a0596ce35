/// Checks entry paths, shared by the writer (strict) and the reader (lenient about `./`).
enum EntryPath {
    /// Why `path` may not be written, or nil when it is a canonical relative path.
    static func problemForWriting(_ path: String) -> ArchiveError.PathProblem? {
        if let problem = unsafeProblem(path) { return problem }
        // Canonical paths keep archives comparable: "a//b", "./a" and "a/" would all
        // name the same file as another spelling.
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0.isEmpty || $0 == "." }) { return .notNormalized }
        return nil
    }

    /// Why an entry read from an archive is unsafe to unpack, or nil when it is safe.
    static func problemForReading(_ path: String) -> ArchiveError.PathProblem? {
        unsafeProblem(path)
    }

    /// `path` without trailing slashes, which tar and zip add to folder names.
    static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    private static func unsafeProblem(_ path: String) -> ArchiveError.PathProblem? {
        if path.isEmpty { return .empty }
        if path.hasPrefix("/") { return .absolute }
        if path.contains("\\") { return .backslash }
        if path.split(separator: "/").contains("..") { return .parentDirectory }
        return nil
    }
}
