import CFuzzerDriver

/// Starts libFuzzer with the program's arguments and `callback` for each input.
///
/// SwiftPM's debug builds link `main` to a symbol named after the target (so tests can import
/// executables), which `-parse-as-library` leaves undefined; each target defines that symbol
/// and lands here, where libFuzzer's own `main` would have gone.
public func runFuzzer(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                      _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
