import Testing
@testable import standoff

/// `standoff package` offers only the options packing uses.
@Suite("package")
struct PackageCommandTests {
    @Test func helpListsOnlyTheFoldersAndRelease() {
        let help = Standoff.helpMessage(for: PackageCommand.self, columns: 80)
        for option in ["--annotations <dir>", "--build <dir>", "--release"] { #expect(help.contains(option), "\(option)") }
        for option in ["--raw", "--strict", "--jobs", "--timings", "--no-snapshot", "--no-cache", "--report-pages"] {
            #expect(!help.contains(option), "package --help lists \(option), which packing does not use")
        }
    }
}
