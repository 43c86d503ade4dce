import ArgumentParser
import Foundation
import PetitionsApp

extension RulesCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the rules in force and where they come from.", discussion: "Example:\n  petitions rules show")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        func run() throws {
            let ctx = try ledger.run(ShowRules(sources: ruleOptions.sources))
            print("Rules: \(ctx.rulesSource); calendar: \(ctx.calendarSource)")
            var t = TextTable(["ID", "KIND", "ENABLED", "SCOPE"])
            for r in ctx.engine.rules.rules {
                let scope = [
                    ("authority", r.scope.authority), ("decree", r.scope.decree), ("recipient", r.scope.recipient), ("category", r.scope.category),
                ]
                .compactMap { k, v in v.map { "\(k)=\($0)" } }.joined(separator: " ")
                t.add([r.id, r.kind.rawValue, r.enabled ? "yes" : "no", scope.isEmpty ? "-" : scope])
            }
            print(t.render())
        }
    }
}
