import Foundation
import PetitionsApp
import PetitionsDomain
import PetitionsStore

/// A fresh ledger in a temporary folder, built with the production configuration, and a fixed clock.
public struct TemporaryLedger {
    /// The folder holding the ledger; removed by `remove()`.
    public let directory: URL
    public let path: String
    public let ledger: Ledger
    /// The workspace of this ledger, for running use cases against it as a front end does.
    public let workspace: Workspace

    /// The fixed "today" of tests.
    public static let today = Day(year: 1920, month: 3, day: 4)!  // safe: a valid literal day
    /// The fixed moment of recording of tests.
    public static let now = Date(timeIntervalSince1970: 1_700_000_000)

    public init(office: String = "test", actor: String = "tester") throws {
        directory = try TemporaryLedger.makeDirectory()
        path = directory.appendingPathComponent("ledger.sqlite").path
        workspace = Workspace(
            databasePath: path, actor: actor, office: office, configPath: nil, environment: [:],
            today: TemporaryLedger.today, now: { TemporaryLedger.now })
        ledger = try workspace.open()
    }

    /// A new empty temporary folder.
    public static func makeDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
