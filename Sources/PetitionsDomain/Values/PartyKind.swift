/// The kinds of party a ledger knows.
public enum PartyKind: String, Codable, Sendable {
    case person, group, authority
}
