import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Exporting records

    /// Every person, by handle, with the day they were recorded as of; one at a time, from one read snapshot.
    public func exportPetitioners(_ body: (Party, Day?) throws -> Void) throws {
        try read { db in try eachParty(db, PartyQuery(kind: .person), body) }
    }

    /// Every letter, oldest first; one at a time, from one read snapshot.
    public func exportLetters(_ body: (Letter) throws -> Void) throws {
        try read { db in try LetterQuery().each(db, body) }
    }

    /// Every petition, oldest first; one at a time, from one read snapshot.
    public func exportPetitions(_ body: (Petition) throws -> Void) throws {
        try read { db in try PetitionQuery().each(db, body) }
    }

    /// Every delivery, by period; one at a time, from one read snapshot.
    public func exportDeliveries(_ body: (Delivery) throws -> Void) throws {
        try read { db in try eachDelivery(db, DeliveryQuery(), body) }
    }
}
