import Foundation
import PetitionsDomain
import Testing

/// The keys a line of an event log may hold: each payload's own, each once.
@Suite("Event log keys") struct EventLogKeyTests {
    static func payload(_ text: String) throws -> [String: JSONValue] {
        guard case .object(let o) = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            Issue.record("not an object: \(text)")
            return [:]
        }
        return o
    }

    static func duplicate(_ text: String) -> (key: String, path: [String])? {
        Array(text.utf8).withUnsafeBytes { JSONWalk.firstDuplicateKey(in: $0) }
    }

    @Test("every key a payload of any kind writes is one its kind has; another is named, inside a dependant too")
    func everyWrittenKeyIsKnown() throws {
        for event in LedgerEventTests.samples {
            var payload = try Self.payload(try event.payloadText())
            #expect(LedgerEvent.unknownKey(of: event.kind, in: payload) == nil, "\(event.kind.rawValue)")
            payload["zzz"] = .int(1)
            #expect(LedgerEvent.unknownKey(of: event.kind, in: payload)?.key == "zzz", "\(event.kind.rawValue)")
        }
        let person = try Self.payload(
            #"{"handle":"a","name":"A","dependants":[{"name":"B","category":"child"},{"name":"C","category":"child","age":3}]}"#)
        let found = try #require(LedgerEvent.unknownKey(of: .petitionerAdded, in: person))
        #expect(found.key == "age" && found.within == "dependants[1]")
        // Older logs lack keys added since (`body`, `opened`, `digest`): absent keys are no problem.
        #expect(LedgerEvent.unknownKey(of: .letterSent, in: try Self.payload(#"{"from":"a","to":"b","subject":"S"}"#)) == nil)
    }

    @Test("a key given twice in one object is found, escaped or not, at any depth; the same key in two objects is not")
    func duplicateKeys() {
        #expect(Self.duplicate(#"{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}"#) == nil)
        #expect(Self.duplicate(#"{"a":1,"a":2}"#).map { "\($0.key) \($0.path)" } == "a []")
        #expect(Self.duplicate(#"{"payload":{"name":"x","n\u0061me":"y"}}"#).map { "\($0.key) \($0.path)" } == #"name ["payload"]"#)
        #expect(Self.duplicate(#"{"p":{"d":[{"k":1, "k" :2}]}}"#).map { "\($0.key) \($0.path)" } == #"k ["p", "d"]"#)
        // Keys in a text are not keys; an escaped quote does not end a text.
        #expect(Self.duplicate(#"{"s":"{\"a\":1,\"a\":2}","t":"\\","a":1}"#) == nil)
        #expect(Self.duplicate(#"{"s":"x\\\"y","s":1}"#)?.key == "s")
    }
}
