import ArgumentParser
import Foundation
import StandoffBuild

/// `standoff package`: archives the exported release folder.
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Pack the exported release folder into build/dist/<name>-<version>.tar.gz and .zip.",
        discussion: "Run 'standoff export' first. Each archive is written under build/tmp/ and renamed into build/dist/ when complete."
    )

    @OptionGroup var folders: FolderOptionGroup

    @Flag(name: .long, help: "Refuse to replace an archive of this version whose data differ (use for published releases).")
    var release = false

    func run() throws {
        try reportingErrors {
            for archive in try folders.writing({ try DatasetBuild(options: $0).package(release: release) }) { print("wrote \(archive)") }
        }
    }
}
