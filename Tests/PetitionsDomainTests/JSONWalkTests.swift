import Foundation
import PetitionsDomain
import Testing

/// The one walk over JSON text that the server's request bodies and the store's imported event lines share.
@Suite("JSON walk") struct JSONWalkTests {
    static let all: JSONWalk.Checks = [.duplicateKeys, .trailingCommas, .textNotUTF8]

    static func walk(_ bytes: [UInt8], _ checks: JSONWalk.Checks = all) -> JSONWalk.Findings {
        bytes.withUnsafeBytes { JSONWalk.walk($0, checks: checks) }
    }

    static func walk(_ text: String, _ checks: JSONWalk.Checks = all) -> JSONWalk.Findings { walk(Array(text.utf8), checks) }

    @Test("a key given twice is found with the keys around it; the key holding it carries through a list")
    func duplicateKeys() {
        #expect(Self.walk(#"{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}"#).problem == nil)
        #expect(Self.walk(#"{"a":1,"a":2}"#).problem == .duplicateKey(key: "a", path: [], within: nil))
        #expect(Self.walk(#"{"p":{"d":[{"k":1, "k" :2}]}}"#).problem == .duplicateKey(key: "k", path: ["p", "d"], within: "d"))
        // Looked for only when asked: the import's walk asks for keys alone.
        #expect(Self.walk(#"{"a":[1,],"b":1,"b":2}"#, .duplicateKeys).problem == .duplicateKey(key: "b", path: [], within: nil))
        #expect(Self.walk(#"{"a":1,"a":2}"#, .trailingCommas).problem == nil)
    }

    @Test("a comma before a closing bracket names the object's last key, or the key holding the list")
    func trailingCommas() {
        #expect(Self.walk(#"{"a":1,"b":2,}"#).problem == .trailingComma(lastKey: "b", within: nil))
        #expect(Self.walk(#"{"q":["x",]}"#).problem == .trailingComma(lastKey: nil, within: "q"))
        #expect(Self.walk(#"[1,]"#).problem == .trailingComma(lastKey: nil, within: nil))
        #expect(Self.walk(#"{"s":"a, } and ,] inside","t":"\\"}"#).problem == nil)
    }

    @Test("text that is not UTF-8 is found with the key it is the value of, or as a key; an unclosed text ends the walk")
    func textNotUTF8() {
        let value: [UInt8] = Array(#"{"on":"19"#.utf8) + [0xFF] + Array(#"20"}"#.utf8)
        #expect(Self.walk(value).problem == .textNotUTF8(bytes: Array("19".utf8) + [0xFF] + Array("20".utf8), field: "on"))
        let key: [UInt8] = [UInt8(ascii: "{"), UInt8(ascii: "\""), 0xC3, UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "1"), UInt8(ascii: "}")]
        #expect(Self.walk(key).problem == .textNotUTF8(bytes: [0xC3], field: nil))
        #expect(Self.walk(Array(#"{"q":["a",""#.utf8) + [0xFF]).problem == .textNotUTF8(bytes: [0xFF], field: "q"))
        #expect(Self.walk(#"{"a":"never closed"#).problem == nil)
        #expect(Self.walk(value, .duplicateKeys).problem == nil)
    }

    @Test("the numbers among the top object's members are kept as written")
    func numerals() {
        let found = Self.walk(#"{"petition": 3.0, "n":-7e0,"inner":{"x":1},"list":[2]}"#)
        #expect(found.problem == nil)
        #expect(found.numerals == ["petition": "3.0", "n": "-7e0"])
    }
}
