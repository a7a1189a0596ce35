/// `SHA256SUMS` for a release folder, in the format `sha256sum -c` checks.
///
/// Compressed archive bytes can differ between zlib builds, so researchers verify the
/// extracted files against these sums rather than an archive's own hash.
enum ReleaseChecksums {
    static let fileName = "SHA256SUMS"

    /// Writes `folder/SHA256SUMS` covering every other file below `folder`, sorted by path;
    /// files in `known` (hashed already for `datapackage.json`, and unchanged since) are not read again.
    static func write(folder: String, known: [ReleaseFile] = []) throws {
        let hashes = Dictionary(uniqueKeysWithValues: known.map { ($0.path, $0.sha256) })
        var lines = ""
        for relative in FileOutput.files(below: folder) where relative != fileName {
            lines += try (hashes[relative] ?? FileOutput.sha256(ofFile: folder + "/" + relative)) + "  " + relative + "\n"
        }
        try FileOutput.write(lines, to: folder + "/" + fileName)
    }
}
