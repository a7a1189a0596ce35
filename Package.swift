// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Standoff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "standoff", targets: ["standoff"]),
        .library(name: "StandoffCore", targets: ["StandoffCore"]),
        // For the fuzz targets in Fuzz/, a package of their own.
        .library(name: "StandoffBuild", targets: ["StandoffBuild"]),
    ],
    dependencies: [
        // The CLI's subcommands, options and --help.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 of raw files and release files (CryptoKit's API on Linux).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
    ],
    targets: [
        // libarchive, found with pkg-config; the only C the project touches.
        .systemLibrary(
            name: "CLibArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        // Deterministic .tar.gz/.zip writing and bounded in-memory reading over libarchive.
        .target(name: "StandoffArchive", dependencies: ["CLibArchive"]),
        // The pipeline: pure stages over one document at a time; no file system.
        .target(
            name: "StandoffCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // The file-system edge: reads raw/ and annotations/, writes build/.
        .target(
            name: "StandoffBuild",
            dependencies: ["StandoffCore", "StandoffArchive", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "standoff",
            dependencies: [
                "StandoffBuild",
                "StandoffCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Locating the package root, temporary folders and crafted (hostile) archives, shared by the test targets.
        .target(name: "StandoffTestSupport", dependencies: ["CLibArchive"], path: "Tests/StandoffTestSupport"),
        .testTarget(name: "StandoffCoreTests", dependencies: ["StandoffCore", "StandoffTestSupport"], exclude: ["Annotate/Entities/Fixtures", "Annotate/Stance/Fixtures"]),
        .testTarget(name: "StandoffArchiveTests", dependencies: ["StandoffArchive", "StandoffTestSupport"]),
        // The command-line tool: its commands' help and checks, and the built program run as a user runs it.
        .testTarget(name: "standoffTests", dependencies: ["standoff", "StandoffTestSupport"]),
        .testTarget(
            name: "StandoffBuildTests",
            dependencies: ["StandoffBuild", "StandoffCore", "StandoffArchive", "StandoffTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)
