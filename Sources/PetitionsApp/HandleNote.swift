import PetitionsDomain

/// What to say of a party just recorded whose handle was made from its name and found taken (issue 12: a second
/// person of the same name gets `-2` and a note that someone of that name exists): one sentence, or nil when the
/// handle was given or is the name's own. The command line prints it as a note on stderr; the API answers it among
/// the record's `warnings`, and the web shows it on the party's page, so that a clerk at either learns of the other
/// person before recording twice.
public enum HandleNote {
    /// The sentence for `party`, recorded with the handle `given` (nil: made from its name).
    public static func sentence(for party: Party, given: String?) -> String? {
        guard given == nil else { return nil }
        let wanted = Handle.slug(from: party.name)
        // A name of no letter or digit at all (`-`, `?`) gives the handle 'p', which says nothing of it.
        if party.handle == wanted, !party.name.contains(where: { $0.isLetter || $0.isNumber }) {
            return "\(ControlCharacters.visible(party.name)) has no letters to make a handle of; this one is '\(party.handle)'. "
                + "Give --handle to choose one."
        }
        guard party.handle != wanted else { return nil }
        // 🙂🙂 and !!! both make the handle 'p': the one already recorded is not "someone named 🙂🙂".
        if !party.name.contains(where: { $0.isLetter }) {
            return "\(ControlCharacters.visible(party.name)) has no letters to make a handle of, and '\(wanted)' is taken; "
                + "this one is '\(party.handle)'. Give --handle to choose one."
        }
        return "someone named \(party.name) (or with a name that makes the same handle) is already recorded as '\(wanted)'; "
            + "this one is '\(party.handle)'. Give --handle to choose another."
    }
}
