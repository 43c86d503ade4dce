import Foundation
import PetitionsApp
import Testing

@testable import PetitionsServer

/// What the nineteenth trial found in the server run by itself.
@Suite("Server: the nineteenth trial of its start") struct ServerStartTrial19Tests {
    /// An error the server's start gives that none of the known ones is.
    struct Unforeseen: Error {}

    @Test("the last-resort sentence when the host cannot be listened on quotes the host, as every other sentence quotes a value")
    func theLastResortSentenceQuotesTheHost() {
        let settings = ServerSettings(databasePath: nil, host: "::1", port: 8080, environment: [:])
        let e = OfficeServer.translate(Unforeseen(), settings)
        #expect(e.message == "The server stopped: it could not listen on '::1' port 8080.", "\(e.message)")
        #expect(e.code == .unavailable)
    }
}
