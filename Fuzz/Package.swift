// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over the main package, built apart so its own builds never carry the sanitizers:
//   swift build -c debug --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// `make fuzz` builds and runs them over the seed corpora in corpus/<target>/.
let package = Package(
    name: "StandoffFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Standoff", path: "..")],
    targets: [
        // The shipped rule files, decoded once per process.
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "StandoffCore", package: "Standoff")]),
        // The declaration of libFuzzer's driver, which each target's entry point calls.
        .target(name: "CFuzzerDriver"),
        // Raw bytes → ingest → clean → split.
        .executableTarget(name: "fuzz-text-pipeline", dependencies: ["FuzzSupport", .product(name: "StandoffCore", package: "Standoff")]),
        // Text as one document's body → split → entity and stance annotators → validate.
        .executableTarget(name: "fuzz-annotate", dependencies: ["FuzzSupport", .product(name: "StandoffCore", package: "Standoff")]),
        // Bytes as a release archive → the reader behind `standoff diff`.
        .executableTarget(name: "fuzz-release-reader", dependencies: ["FuzzSupport", .product(name: "StandoffBuild", package: "Standoff")]),
    ]
)
