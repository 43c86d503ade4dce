import Foundation
import ServiceLifecycle

/// Every `every`, ends the web sessions whose user was disabled or given a new password since (`Office.sweepSessions`),
/// for as long as the server runs; it stops at once when the server shuts down.
struct SessionSweep: Service {
    let office: Office
    static let every: Duration = .seconds(2)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: Self.every)
                await office.sweepSessions()
            }
        }
    }
}
