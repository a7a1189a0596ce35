import Foundation
import FuzzSupport
import StandoffBuild

/// Where each input is written: the reader takes a path, and its extension picks nothing
/// (libarchive detects the format), so one name serves .tar.gz and .zip.
let path = FileManager.default.temporaryDirectory.appendingPathComponent("standoff-fuzz-\(getpid()).tar.gz").path

/// Any bytes as a release archive, read as `standoff diff` reads one: errors are expected,
/// crashes, hangs and unbounded allocations are bugs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard FileManager.default.createFile(atPath: path, contents: data) else { fatalError("cannot write \(path)") }
    _ = try? ReleaseReader.load(path)
    return 0
}

/// The entry point a debug build links `main` to (see `runFuzzer`).
@_cdecl("fuzz_release_reader_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc: argc, argv: argv) { data, size in
        guard let data else { return 0 }
        return fuzz(UnsafeRawPointer(data), size)
    }
}
