import Foundation
import PetitionsDomain
import Testing

@Suite("Control characters")
struct ControlCharacterTests {
    @Test(
        "NUL, ESC, CR, DEL and C1 controls are refused with the field; tab and newline are text",
        arguments: ["Bob\u{0}", "\u{1B}[31mred", "a\rb", "x\u{7F}", "c1\u{85}", "\u{9B}2J"])
    func refused(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try ControlCharacters.refuse(text, field: "name") }
        #expect(error.message.hasPrefix("name '"), "\(error)")
        #expect(error.message.contains("\\u00"), "the character is written visibly: \(error)")
        #expect(!error.message.unicodeScalars.contains { ControlCharacters.isRefused($0) }, "the sentence itself holds none")
    }

    @Test func tabsNewlinesAndLettersPass() throws {
        try ControlCharacters.refuse("Pëtr\tKropotkin\nDmitrov «Soviet» — 1920", field: "name")
        #expect(ControlCharacters.visible("a\tb\nc") == "a\tb\nc")
        #expect(ControlCharacters.visible("\u{1B}[2J\u{0}x") == "\\u001B[2J\\u0000x")
    }
}
