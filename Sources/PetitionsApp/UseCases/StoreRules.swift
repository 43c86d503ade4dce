import Foundation
import PetitionsDomain
import PetitionsRules

/// Stores a rules or a calendar file in the ledger (checked first, SQL rules tried on the ledger) as an event, and
/// recomputes the stored due days under it.
public struct StoreRules: UseCase {
    /// What the file is.
    public enum Kind: Sendable { case rules, calendar }
    public var kind: Kind
    public var file: String
    public var on: Day

    public init(_ kind: Kind, file: String, on: Day) {
        self.kind = kind
        self.file = file
        self.on = on
    }

    /// The rules and calendar in force after the change.
    public func run(in workspace: Workspace) throws -> RuleContext {
        let key = kind == .rules ? Checker.rulesKey : Checker.calendarKey
        // The file is read twice (checked, then stored): a pipe would give its text only to the first reading. It is
        // refused before it is opened, which would wait for its writer.
        let pipe = PetitionsError("\(key): \(file) is a pipe, which can be read only once; give a file. Nothing was changed.", code: .noInput)
        guard !InputFile.isPipe(file) else { throw pipe }
        let fd = try InputFile.open(file, field: key)
        close(fd)
        guard InputFile.isRegular(file) else { throw pipe }
        return try workspace.recording { l in
            let sources = kind == .rules ? RuleSources(rules: file) : RuleSources(calendar: file)
            let context = try workspace.rules(l, sources)
            let text = try TOMLFile.text(try InputFile.contents(file, field: key), source: file)
            if kind == .rules {
                // Each SQL rule runs once on this ledger, within its budget, before it is stored.
                try RulesFile.checkScopes(context.engine.rules, text: text, source: file, on: l)
                try RulesFile.trySQLRules(context.engine.rules, text: text, source: file, on: l, asOf: on)
            }
            // The due days stored from now on are those of the new rules or calendar.
            try l.recording(dueDays: context.engine)
                .storeSetting(key, value: text, on: on, summary: "\(key.prefix(1).uppercased() + key.dropFirst()) set from \(file)")
            return context
        }
    }
}
