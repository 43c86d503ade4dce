import Foundation
import PetitionsDomain

/// A report's overdue section: the late deliveries in the `overdue` listing's order, either worked out whole (several
/// overdue_delivery rules, a scope, a test) or, where the check stream serves, held compactly by it and each worded
/// only when it is read (`CheckStream.overdueSection(keep:)`). At a million letters the worded section was 117,625
/// entries and 130 MB, held while every other section was read and written; held, it is the stream's 12 MB.
/// It reads, writes and encodes as the array it stands for (the same JSON, element by element when streamed).
public struct OverdueSection: RandomAccessCollection, Sendable, Codable, ExpressibleByArrayLiteral, HouseJSONElements {
    private enum Source: Sendable {
        case whole([OverdueDelivery])
        case held(HeldSection)
    }

    private let source: Source

    public init(_ deliveries: [OverdueDelivery]) { source = .whole(deliveries) }

    public init(arrayLiteral elements: OverdueDelivery...) { self.init(elements) }

    init(held: HeldSection) { source = .held(held) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch source {
        case .whole(let a): return a.count
        case .held(let h): return h.order.count
        }
    }

    /// The `i`th late delivery; a held one is worded anew on each read.
    public subscript(i: Int) -> OverdueDelivery {
        switch source {
        case .whole(let a): return a[i]
        case .held(let h): return h.delivery(i)
        }
    }

    /// The ids of the deliveries, in order, without wording them.
    public var deliveryIDs: [Int64] {
        switch source {
        case .whole(let a): return a.map(\.delivery)
        case .held(let h): return h.order.map { h.held.entries[$0].id }
        }
    }

    public func forEachEncodable(_ body: (any Encodable) throws -> Void) throws {
        for o in self { try body(o) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        for o in self { try c.encode(o) }
    }

    public init(from decoder: any Decoder) throws { self.init(try [OverdueDelivery](from: decoder)) }
}

/// The held deliveries of a check stream, those of a section in its order, and the stream that words them: words one
/// at a time, under a lock, as the stream's calendar memo grows.
final class HeldSection: @unchecked Sendable {
    let held: HeldDeliveries
    /// Places in `held` of the section's deliveries, in the listing's order.
    let order: [Int]
    private var stream: OverdueStream
    private let lock = NSLock()

    init(held: HeldDeliveries, order: [Int], stream: OverdueStream) {
        self.held = held
        self.order = order
        self.stream = stream
    }

    func delivery(_ i: Int) -> OverdueDelivery {
        lock.lock()
        defer { lock.unlock() }
        let n = order[i]
        // Judged late by this same stream when it was held, so it is listed again.
        guard let o = stream.judge(held.delivery(n), run: Int(held.entries[n].run)) else { preconditionFailure("a held delivery is late") }
        return o
    }
}
