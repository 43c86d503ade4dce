/// Whether a letter went out from the petitioner side or came back from an authority.
public enum Direction: String, Codable, Sendable {
    case sent, received
}
