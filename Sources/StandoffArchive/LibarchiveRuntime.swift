#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CLibArchive

/// Process-wide settings libarchive depends on, applied once, and helpers for its errors.
enum LibarchiveRuntime {
    /// Call before creating any libarchive handle.
    static func prepare(for format: ArchiveFormat?) {
        _ = utf8Locale
        if format == .zip { useUTCTimeZone() }
    }

    // libarchive converts entry names through the C library's locale; in the plain "C"
    // locale 3.6.2 crashes in archive_entry_set_pathname_utf8 on non-ASCII names.
    // A once-only initializer keeps this (thread-unsafe) call from racing itself.
    private static let utf8Locale: Void = {
        if setlocale(LC_ALL, "C.UTF-8") == nil {
            _ = setlocale(LC_ALL, "C.utf8")
        }
    }()

    // The zip writer turns mtimes into DOS date/time with localtime(), so the bytes
    // would depend on the machine's time zone; UTC makes them the same everywhere.
    // Checked on every zip writer so that a later change of TZ elsewhere is undone.
    private static func useUTCTimeZone() {
        if let current = getenv("TZ"), String(cString: current) == "UTC" { return }
        setenv("TZ", "UTC", 1)
        tzset()
    }

    /// libarchive's last error message for `handle`, or a fallback naming the error code.
    static func message(_ handle: OpaquePointer?) -> String {
        if let handle, let text = archive_error_string(handle) {
            return String(cString: text)
        }
        if let handle, archive_errno(handle) != 0 {
            return systemMessage(archive_errno(handle))
        }
        return "unknown libarchive error"
    }

    /// The C library's text for an errno value.
    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
