import Foundation
import PetitionsApp

/// The only place that asks the system for today: the local calendar day.
enum Clock {
    static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? Day.minimum
    }
}
