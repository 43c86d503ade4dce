import Foundation

/// The writing order of each sequence of keys met so far (keys are unique objects, so a sequence is compared by identity).
final class ObjectOrders: @unchecked Sendable {
    static let shared = ObjectOrders()
    private var known: [Int: (keys: [JSONKey], order: [Int])] = [:]
    private let lock = NSLock()

    func order(for hash: Int, keys entries: [(key: JSONKey, value: JSONNode)]) -> [Int]? {
        lock.lock()
        defer { lock.unlock() }
        guard let k = known[hash], k.keys.count == entries.count else { return nil }
        for i in entries.indices where k.keys[i] !== entries[i].key { return nil }
        return k.order
    }

    func remember(_ order: [Int], for hash: Int, keys entries: [(key: JSONKey, value: JSONNode)]) {
        lock.lock()
        defer { lock.unlock() }
        if known.count < 4096 { known[hash] = (entries.map(\.key), order) }
    }
}

/// A key as written: converted to snake_case, and its quoted, escaped text.
final class JSONKey {
    /// The positions of `keys` in writing order: by their bytes; of a key given twice, only the last, as a dictionary
    /// keeps the last value set.
    static func writingOrder(_ keys: [JSONKey]) -> [Int] {
        let sorted = keys.indices.sorted { a, b in
            let x = keys[a].bytes
            let y = keys[b].bytes
            return x == y ? a < b : x.lexicographicallyPrecedes(y)
        }
        var order: [Int] = []
        order.reserveCapacity(sorted.count)
        for (n, i) in sorted.enumerated() where !(n + 1 < sorted.count && keys[sorted[n + 1]].bytes == keys[i].bytes) {
            order.append(i)
        }
        return order
    }

    let bytes: [UInt8]
    let quoted: [UInt8]

    init(_ converted: String) {
        bytes = Array(converted.utf8)
        var q: [UInt8] = []
        HouseJSONWriter.appendQuoted(converted, to: &q)
        quoted = q
    }
}

/// Each distinct coding key converted once for the life of the process.
final class KeyCache: @unchecked Sendable {
    static let shared = KeyCache()
    private var converted: [String: JSONKey] = [:]
    private let lock = NSLock()

    func key(_ raw: String) -> JSONKey {
        lock.lock()
        defer { lock.unlock() }
        if let k = converted[raw] { return k }
        let k = JSONKey(KeyCache.snakeCase(raw))
        converted[raw] = k
        return k
    }

    /// Foundation's `convertToSnakeCase`: words split before each capital (a run of capitals is one word, its last
    /// capital starting the next word when a lowercase letter follows), lowercased and joined by underscores.
    static func snakeCase(_ key: String) -> String {
        guard !key.isEmpty else { return key }
        var words: [Range<String.Index>] = []
        var wordStart = key.startIndex
        var searchRange = key.index(after: wordStart)..<key.endIndex
        while let upper = key.rangeOfCharacter(from: .uppercaseLetters, options: [], range: searchRange) {
            words.append(wordStart..<upper.lowerBound)
            searchRange = upper.lowerBound..<searchRange.upperBound
            guard let lower = key.rangeOfCharacter(from: .lowercaseLetters, options: [], range: searchRange) else {
                wordStart = searchRange.lowerBound
                break
            }
            let afterCapital = key.index(after: upper.lowerBound)
            if lower.lowerBound == afterCapital {
                wordStart = upper.lowerBound
            } else {
                let beforeLower = key.index(before: lower.lowerBound)
                words.append(upper.lowerBound..<beforeLower)
                wordStart = beforeLower
            }
            searchRange = lower.upperBound..<searchRange.upperBound
        }
        words.append(wordStart..<searchRange.upperBound)
        return words.map { key[$0].lowercased() }.joined(separator: "_")
    }
}

/// A dictionary keyed by strings, whose keys are written unconverted.
protocol StringKeyedDictionary {
    func jsonEntries(keys: KeyCache) throws -> [(key: JSONKey, value: JSONNode)]
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    func jsonEntries(keys: KeyCache) throws -> [(key: JSONKey, value: JSONNode)] {
        try map { (JSONKey($0.key), try JSONNodeEncoder.box($0.value, keys: keys)) }
    }
}

// MARK: - The encoder
