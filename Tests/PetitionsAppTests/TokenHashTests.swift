import Foundation
import Testing

@testable import PetitionsApp

/// The API tokens' hashes are what the ledger keeps; a token issued by an older build must still be recognised.
@Suite("API token hashes") struct TokenHashTests {
    @Test("a token's hash is the SHA-256 of its text in lower-case hexadecimal, as the ledger has always kept it")
    func hashesAsKept() {
        // sha256("pt_" + 64 zeros), as `printf %s … | sha256sum` gives it.
        let token = "pt_" + String(repeating: "0", count: 64)
        #expect(Passwords.tokenHash(token) == "b703676f9c42af05c5639b4d15cc1898d1df27a9353ebb1e0416668b27d65c7b")
        for b in 0...255 {
            #expect(Passwords.hex([UInt8(b)]) == String(format: "%02x", b))
        }
        #expect(Passwords.hex([0xde, 0xad, 0x00, 0x0f]) == "dead000f")
    }
}
