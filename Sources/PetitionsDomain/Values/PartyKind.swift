/// The kinds of party a ledger knows; `office` is the office that keeps the ledger (one per ledger).
public enum PartyKind: String, Codable, Sendable {
    case person, group, authority, office
}
