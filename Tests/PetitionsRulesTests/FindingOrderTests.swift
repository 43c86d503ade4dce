import PetitionsDomain
import Testing

@testable import PetitionsRules

/// The order of a check's findings when each kind's stay in the array its rules returned (`Engine.order`, used by
/// `CheckFindings`): the order `Engine.sorted` gives the same findings in one array, ties included.
@Suite struct FindingOrderTests {
    static func finding(
        _ rule: String, _ severity: Severity, days: Int, _ type: FindingSubject.SubjectType, _ id: Int64, message: String
    ) -> Finding {
        Finding(
            rule: rule, kind: .unansweredLetter, severity: severity, subject: FindingSubject(type: type, id: id, name: "s\(id)"), due: nil,
            overdueSince: nil, daysOverdue: days, workingDaysOverdue: days, message: message, action: "act")
    }

    @Test("findings kept kind by kind come out in the order of one sorted array, ties kept in the order they were found")
    func orderAcrossKindsIsTheSortedOrder() {
        // Ties on severity, days, subject and rule between kinds and within one: the earlier kind's first, as in the
        // one array they used to be appended into.
        let parts: [[Finding]] = [
            [
                Self.finding("late-letters", .overdue, days: 12, .letter, 7, message: "a"),
                Self.finding("late-letters", .critical, days: 40, .letter, 3, message: "b"),
                Self.finding("late-letters", .overdue, days: 12, .letter, 7, message: "c"),
            ],
            [],
            [
                Self.finding("escalate", .overdue, days: 12, .letter, 7, message: "d"),
                Self.finding("late-letters", .overdue, days: 12, .letter, 7, message: "e"),
                Self.finding("arrears", .overdue, days: 12, .arrears, 7, message: "f"),
                Self.finding("stalled", .warning, days: 90, .petition, 1, message: "g"),
            ],
        ]
        let ordered = Engine.order(parts).map { parts[Int($0.part)][Int($0.index)] }
        #expect(ordered == Engine.sorted(parts.flatMap { $0 }))
        #expect(ordered.map(\.message) == ["b", "f", "d", "a", "c", "e", "g"])
    }
}
