import Foundation
import PetitionsApp

enum EventOutput {
    static func table(_ list: [Event]) -> String {
        var t = TextTable(["ID", "DAY", "KIND", "ACTOR", "OFFICE", "WHAT"])
        for e in list { t.add([String(e.id), e.day.description, e.kind, e.actor, e.office, e.summary]) }
        return t.render()
    }
}
