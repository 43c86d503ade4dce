import Foundation
import PetitionsDomain

// MARK: - The rows the status report asks the ledger for

/// A report scope with its handles checked and resolved to ids.
public struct ResolvedReportScope: Sendable, Equatable {
    public var authority: PartyName?
    public var recipient: PartyName?
    /// The recipient and, for a group, its members: the parties whose petitions and letters are in scope.
    public var recipientParties: Set<Int64>
    public var decree: PartyName?
    public var since: Day?
    public var isEmpty: Bool { authority == nil && recipient == nil && decree == nil && since == nil }
}

/// Head-counts for the report's summary.
public struct ReportCounts: Sendable, Equatable {
    public var persons: Int
    public var groups: Int
    /// Persons, their dependants and the head-counts of groups.
    public var householdMembers: Int
}

/// One (recipient, decree, commodity) of the arrears ledger, in base units of the decree's unit's dimension.
public struct ArrearsRow: Sendable, Equatable {
    public struct PeriodOwed: Sendable, Equatable {
        public var period: Period
        public var expected: Int64
        public var received: Int64
    }
    public var recipient: PartyName
    public var decree: PartyName
    public var supplier: PartyName
    public var commodity: String
    public var unit: MeasureUnit
    public var promised: Int64
    public var received: Int64
    public var owed: Int64
    /// Periods due as of the day with something still owed, oldest first.
    public var periods: [PeriodOwed]
}

/// A petition as the report lists it, with its status as of the day asked.
public struct PetitionRow: Sendable, Equatable {
    public var id: Int64
    public var petitioner: PartyName
    public var authority: PartyName
    public var via: PartyName?
    public var subject: String
    public var category: String?
    public var opened: Day
    public var status: PetitionStatus
}

/// How one authority answered the letters it was sent, as of the day asked.
public struct AuthorityRow: Sendable, Equatable {
    public var authority: PartyName
    /// Handles above it, nearest first.
    public var chain: [String]
    public var letters: Int
    public var answered: Int
    public var answeredWithinDeadline: Int
    public var medianDaysToAnswer: Double?
    public var open: Int
}

/// Deliveries due in one period and how many came, with amounts per commodity in base units.
public struct DeliveryTrendRow: Sendable, Equatable {
    public struct Amount: Sendable, Equatable {
        public var commodity: String
        public var unit: MeasureUnit
        public var expected: Int64
        public var received: Int64
    }
    public var period: Period
    public var due: Int
    public var complete: Int
    public var partial: Int
    public var amounts: [Amount]
}

/// A person's name and handle, and the names of their dependants, for redaction.
public struct PersonNames: Sendable, Equatable {
    public var id: Int64
    public var handle: String
    public var name: String
    public var dependants: [String]
}
