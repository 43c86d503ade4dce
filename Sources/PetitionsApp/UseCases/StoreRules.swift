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
        try workspace.recording { l in
            let sources = kind == .rules ? RuleSources(rules: file) : RuleSources(calendar: file)
            let context = try workspace.rules(l, sources)
            let key = kind == .rules ? Checker.rulesKey : Checker.calendarKey
            guard let text = FileManager.default.contents(atPath: file).map({ String(decoding: $0, as: UTF8.self) }) else {
                throw PetitionsError("\(key): the file \(file) cannot be read.", code: .noInput)
            }
            if kind == .rules {
                // Each SQL rule runs once on this ledger, within its budget, before it is stored.
                try RulesFile.trySQLRules(context.engine.rules, text: text, source: file, on: l, asOf: on)
            }
            // The due days stored from now on are those of the new rules or calendar.
            try l.recording(dueDays: context.engine)
                .storeSetting(key, value: text, on: on, summary: "\(key.prefix(1).uppercased() + key.dropFirst()) set from \(file)")
            return context
        }
    }
}
