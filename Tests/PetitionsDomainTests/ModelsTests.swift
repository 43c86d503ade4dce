import Foundation
import PetitionsDomain
import Testing

@Suite("Head-counts and dependants")
struct HeadCountTests {
    @Test(
        "CATEGORY=N parses",
        arguments: [
            ("employee=125", "employee", 125),
            ("Incapacitated = 140", "incapacitated", 140),
            ("child=1", "child", 1),
        ])
    func parses(text: String, category: String, count: Int) throws {
        let h = try HeadCount(parsing: text)
        #expect(h.category == category)
        #expect(h.count == count)
    }

    @Test(
        "bad head-counts are refused with the field and the value",
        arguments: [
            "employee=0", "employee=-1", "employee", "=5", "employee=", "employee=abc", "employee=1.5", "employee=+3", "em ployee=3",
            "employee=10000001", "employee=9223372036854775807", "employee=99999999999999999999999",
        ])
    func refuses(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try HeadCount(parsing: text, field: "--count") }
        #expect(error.message.contains("--count"))
        #expect(error.message.contains("'\(text)'"))
    }

    @Test("a head-count is bounded so that rations times heads over every period add up")
    func bounded() throws {
        #expect(try HeadCount(parsing: "employee=10000000").count == HeadCount.maximum)
        let error = try #require(throws: PetitionsError.self) { try HeadCount(parsing: "employee=9223372036854775807", field: "--count") }
        #expect(error.message.contains("more than 10,000,000"))
        // The largest ration times the largest head-count, over ten thousand periods, still fits in Int64.
        let (perPeriod, o1) = Quantity.maximumBase.multipliedReportingOverflow(by: 1)
        #expect(!o1 && perPeriod.multipliedReportingOverflow(by: 10_000).overflow == false)
    }

    @Test(
        "NAME:CATEGORY parses a dependant",
        arguments: [
            ("Anna:incapacitated", "Anna", "incapacitated"),
            ("Maria Ivanovna: Child", "Maria Ivanovna", "child"),
            ("Dr. Ivanov: employee", "Dr. Ivanov", "employee"),
        ])
    func dependant(text: String, name: String, category: String) throws {
        let d = try Dependant(parsing: text)
        #expect(d.name == name)
        #expect(d.category == category)
    }

    @Test("a dependant's name and category lose the same spaces at their ends as Foundation's trimming takes")
    func dependantTrimsLikeFoundation() throws {
        let pieces = [
            " ", "\t", "\u{A0}", "\u{3000}", "\u{2007}", "\u{202F}", "\u{1680}", "\n", "\r", "\u{200B}", "\u{301}", "Ż", "Anna",
            "é", "👩🏽", "x", "\u{85}", "\u{180E}", "\u{FEFF}", "\u{2028}", "\u{B}", "\u{C}", "\u{205F}", "\u{2060}", "\u{200A}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let name = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = name.trimmingCharacters(in: .whitespaces)
            guard !expected.isEmpty else { continue }
            let d = try Dependant(parsing: name + " :\u{3000}Child\t")
            #expect(d.name == expected && d.category == "child", "\(Array(name.unicodeScalars))")
        }
    }

    @Test("bad dependants are refused with the value", arguments: [":child", "Anna", "Anna:", "  :child", "Anna:old age"])
    func refusesDependant(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try Dependant(parsing: text) }
        #expect(error.message.contains("--dependant"))
        #expect(error.message.contains("'\(text)'"))
    }
}

@Suite("Petition status")
struct PetitionStatusTests {
    @Test(
        "allowed and forbidden changes of status",
        arguments: [
            (PetitionStatus.resolved, PetitionStatus.open, true),
            (.resolved, .answered, false),
            (.resolved, .rejected, false),
            (.rejected, .open, true),
            (.rejected, .resolved, false),
            (.withdrawn, .open, true),
            (.withdrawn, .answered, false),
            (.open, .answered, true),
            (.open, .resolved, true),
            (.open, .withdrawn, true),
            (.open, .waitingOnPetitioner, true),
            (.waitingOnPetitioner, .open, true),
            (.answered, .resolved, true),
            (.answered, .open, true),
        ])
    func lifecycle(from: PetitionStatus, to: PetitionStatus, allowed: Bool) {
        #expect(from.next.contains(to) == allowed)
    }

    @Test("no status changes to itself, and every closed petition can be reopened", arguments: PetitionStatus.allCases)
    func noSelfChange(status: PetitionStatus) {
        #expect(!status.next.contains(status))
        if status != .open { #expect(status.next.contains(.open)) }
    }

    @Test(
        "statuses parse with hyphens or underscores, in any case",
        arguments: [
            ("waiting-on-petitioner", PetitionStatus.waitingOnPetitioner),
            ("waiting_on_petitioner", .waitingOnPetitioner),
            ("Resolved", .resolved),
            ("open", .open),
        ])
    func parses(text: String, status: PetitionStatus) throws {
        #expect(try PetitionStatus(parsing: text) == status)
    }

    @Test("an unknown status is refused and the known ones are listed")
    func unknownStatus() throws {
        let error = try #require(throws: PetitionsError.self) { try PetitionStatus(parsing: "closed") }
        #expect(error.message.contains("--to"))
        #expect(error.message.contains("'closed'"))
        #expect(error.message.contains("resolved"))
    }
}

@Suite("Channels, delivery statuses and frequencies")
struct EnumParsingTests {
    @Test("channels parse", arguments: [("post", Channel.post), ("Telegraph", .telegraph), ("in_person", .inPerson), ("in-person", .inPerson)])
    func channels(text: String, channel: Channel) throws {
        #expect(try Channel(parsing: text) == channel)
    }

    @Test("unknown words are refused with the value")
    func refusals() throws {
        let channel = try #require(throws: PetitionsError.self) { try Channel(parsing: "pigeon") }
        #expect(channel.message.contains("'pigeon'"))
        let status = try #require(throws: PetitionsError.self) { try DeliveryStatus(parsing: "lost") }
        #expect(status.message.contains("'lost'"))
        let every = try #require(throws: PetitionsError.self) { try Frequency(parsing: "weekly") }
        #expect(every.message.contains("'weekly'"))
    }

    @Test("monthly is a synonym of month")
    func frequency() throws {
        #expect(try Frequency(parsing: "Monthly") == .month)
        #expect(try DeliveryStatus(parsing: "Partial") == .partial)
    }
}
