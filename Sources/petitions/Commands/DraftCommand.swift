import ArgumentParser
import Foundation
import PetitionsApp

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft letters from the ledger: a reminder, an escalation, a digest. A draft records nothing.",
        discussion: """
            Drafts are Mustache templates (config/templates/, built in) filled with the facts as of --as-of: days written out
            in full, quantities in the decree's unit. Edit the draft, send it, then record it with
            `petitions letter send … --from-draft FILE`.
            """,
        subcommands: [Reminder.self, Escalation.self, Digest.self])

}
