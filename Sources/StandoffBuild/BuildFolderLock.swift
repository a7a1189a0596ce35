import Foundation

/// An exclusive lock on a build folder, held while a command writes it, so that two runs never
/// interleave their temporary files, tables and archives. A second run fails at once naming the
/// holder rather than waiting: a stale lock cannot exist, because the kernel drops an `flock` when
/// its process ends, however it ends.
///
/// ```
/// let lock = try BuildFolderLock(folder: "build")   // a second process: buildFolderBusy
/// ```
public final class BuildFolderLock {
    /// The lock file, `<build>/.lock`; it holds the pid of the process that has the lock.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock, creating the folder and the lock file if needed.
    /// - Throws: `BuildError.buildFolderBusy` when another open lock holds it.
    public init(folder: String) throws {
        try FileOutput.makeFolder(folder)
        path = folder + "/.lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw BuildError.write(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = String(decoding: (try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).readToEnd()) ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw BuildError.buildFolderBusy(path: folder, holder: holder.isEmpty ? "another process" : "pid \(holder)")
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    }

    deinit {
        // Closing releases the lock; the file stays, so the next run need not create it.
        close(descriptor)
    }
}
