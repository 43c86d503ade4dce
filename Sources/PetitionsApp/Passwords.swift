import Crypto
import Foundation
import HummingbirdBcrypt
import PetitionsDomain

/// Passwords and API tokens of the office server's accounts: bcrypt for passwords, random tokens kept as SHA-256.
public enum Passwords {
    /// bcrypt's cost (2^cost rounds): at least 10, as the office's policy asks.
    static let cost: UInt8 = 10
    /// What a password must be: long enough to resist guessing, short enough for bcrypt (which reads 72 bytes).
    static let minimumLength = 10
    static let maximumBytes = 72

    /// A password refused when it is too short or too long, named by `field`.
    static func check(_ password: String, field: String) throws {
        guard password.count >= minimumLength else {
            throw PetitionsError("\(field): the password is too short; use at least \(minimumLength) characters.", field: field, kind: .invalid)
        }
        guard password.utf8.count <= maximumBytes else {
            throw PetitionsError("\(field): the password is too long; use at most \(maximumBytes) bytes.", field: field, kind: .invalid)
        }
        guard !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw PetitionsError("\(field): the password holds a control character.", field: field, kind: .invalid)
        }
    }

    /// The bcrypt hash of a password.
    static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    /// Whether `password` matches `hash`.
    static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// A hash to check against when no account has the name, so a login takes as long whether the name exists or not.
    static let decoy = Bcrypt.hash("no such account, no such password", cost: cost)

    /// A new strong password: 20 characters from 56 letters and digits without look-alikes (about 116 bits).
    static func generate() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// A new API token: `pt_` and 32 random bytes in hex (256 bits).
    static func newToken() -> String {
        var rng = SystemRandomNumberGenerator()
        return "pt_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    /// The SHA-256 of a token's text in hex, which is all the ledger keeps of it.
    static func tokenHash(_ token: String) -> String {
        hex(SHA256.hash(data: Data(token.utf8)))
    }

    /// Bytes in lower-case hexadecimal (`Hex.lowercase`).
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 { Hex.lowercase(bytes) }
}
