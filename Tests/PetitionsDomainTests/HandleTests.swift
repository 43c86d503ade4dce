import Foundation
import PetitionsDomain
import Testing

@Suite("Handle")
struct HandleTests {
    @Test(
        "slugs are made from names",
        arguments: [
            ("Council of People's Commissars", "council-of-peoples-commissars"),
            ("Pëtr Kropotkin", "petr-kropotkin"),
            ("  Dmitrov   Post Office  ", "dmitrov-post-office"),
            ("Narkomprod (Food)", "narkomprod-food"),
            ("Anna Ivanovna’s Household", "anna-ivanovnas-household"),
            // Every letter transliterated, none dropped (issue 12, defect 6).
            ("Łukasz Żółć", "lukasz-zolc"),
            ("Zoë Ødegård-Nguyễn", "zoe-odegard-nguyen"),
            ("Straße Æsir", "strasse-aesir"),
            ("Пётр Кропоткин", "petr-kropotkin"),
            ("Андрій Їжак", "andriy-yizhak"),
            ("ΣΩΚΡΑΤΗΣ", "sokratis"),
        ])
    func slug(name: String, expected: String) {
        #expect(Handle.slug(from: name) == expected)
    }

    @Test(
        "slugs are always valid handles, whatever the name",
        arguments: [
            "Council of People's Commissars", "Пётр Алексеевич Кропоткин", "Дмитровский союз кооперативов",
            "1st Moscow Cavalry", "!!!", "", "Ö", String(repeating: "Very long committee name ", count: 10), "a - - b",
        ])
    func slugIsValid(name: String) {
        let s = Handle.slug(from: name)
        #expect(Handle.isValid(s), "slug \(s) of \(name)")
        #expect(s.count <= 48)
    }

    @Test("a handle made from a name longer than 48 letters ends at a word's end, not inside a word")
    func aLongNamesHandleEndsAtAWord() {
        #expect(Handle.slug(from: "Aleksandra Konstantinovna Kropotkina-Lebedeva-Rimskaya") == "aleksandra-konstantinovna-kropotkina-lebedeva")
        #expect(
            Handle.slug(from: "Postal-telegraph employees of the Dmitrov district of Moscow province")
                == "postal-telegraph-employees-of-the-dmitrov")
        // One word longer than a handle can be has no word's end to stop at: it is cut at 48 letters.
        #expect(Handle.slug(from: String(repeating: "a", count: 60)) == String(repeating: "a", count: 48))
        #expect(Handle.slug(from: "a " + String(repeating: "b", count: 60)) == "a-" + String(repeating: "b", count: 46))
    }

    @Test("a Cyrillic name is transliterated, not dropped")
    func cyrillic() {
        let s = Handle.slug(from: "Пётр Кропоткин")
        #expect(Handle.isValid(s))
        #expect(s.contains("kropotkin"))
    }

    @Test(
        "validity of handles",
        arguments: [
            ("dmitrov-post", true), ("a", true), ("a1", true), ("moscow-soviet-2", true), (String(repeating: "a", count: 64), true),
            ("Dmitrov", false), ("1abc", false), ("-abc", false), ("abc-", false), ("a--b", false), ("a_b", false),
            ("", false), ("ab c", false), ("é", false), ("pëtr", false), (String(repeating: "a", count: 65), false),
        ])
    func validity(handle: String, valid: Bool) {
        #expect(Handle.isValid(handle) == valid)
    }

    @Test("validate names the field and the value")
    func validate() throws {
        #expect(try Handle.validate("dmitrov-post") == "dmitrov-post")
        let error = try #require(throws: PetitionsError.self) { try Handle.validate("Dmitrov Post", field: "--handle") }
        #expect(error.message.contains("--handle"))
        #expect(error.message.contains("'Dmitrov Post'"))
    }

    @Test(
        "closest suggests the likely intended handle for typos",
        arguments: [
            ("dmitrov-psot", "dmitrov-post"),
            ("moscow-sovet", "moscow-soviet"),
            ("MOSCOW-SOVIET", "moscow-soviet"),
            ("dmitrov", "dmitrov-post"),  // a prefix
            ("funtt", "funt"),
        ])
    func closestForTypos(typed: String, expected: String) {
        #expect(closest(to: typed, among: ["dmitrov-post", "moscow-soviet", "narkomprod", "funt"]) == expected)
    }

    @Test("closest suggests nothing for unrelated words", arguments: ["banana", "petrograd-cheka", "zzz"])
    func closestForUnrelated(typed: String) {
        #expect(closest(to: typed, among: ["dmitrov-post", "moscow-soviet", "narkomprod"]) == nil)
    }

    @Test("closest among nothing is nothing")
    func closestEmpty() {
        #expect(closest(to: "dmitrov", among: []) == nil)
    }
}

@Suite("Wording")
struct WordingTests {
    @Test func countsAndArticlesReadAsEnglish() {
        #expect(Wording.count(1, "working day") == "1 working day")
        #expect(Wording.count(2, "working day") == "2 working days")
        #expect(Wording.count(1, "delivery", plural: "deliveries") == "1 delivery")
        #expect(Wording.count(0, "delivery", plural: "deliveries") == "0 deliveries")
        #expect(Wording.a("authority") == "an authority")
        #expect(Wording.a("group") == "a group")
        #expect(Wording.a("event") == "an event")
    }
}
