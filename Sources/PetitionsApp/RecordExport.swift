import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsStore

/// What `petitions export` writes.
public enum ExportKind: String, CaseIterable, Sendable {
    case petitioners, letters, deliveries, petitions, events
}

/// The formats of `petitions export`: CSV or a JSON array for records, JSON Lines for the event log.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json, jsonl
}

/// `petitions export`: streams records or the event log to a file handle, one record at a time.
public enum RecordExport {
    /// The CSV columns of each record export. Petitioners' are the import columns (with `id` and `office`, which
    /// an import reads past), so that an export can be imported into another ledger.
    public static func columns(_ kind: ExportKind) -> [String] {
        switch kind {
        case .petitioners: return ["id", "handle", "name", "district", "occupation", "groups", "dependants", "on", "office"]
        case .letters:
            return [
                "id", "direction", "from", "to", "on", "subject", "petition", "in_reply_to", "channel", "summary", "expects_reply",
                "reply_within", "reply_due", "answered_by", "voided", "office",
            ]
        case .deliveries:
            return [
                "id", "decree", "recipient", "supplier", "period", "due", "status", "commodity", "unit", "expected", "received",
                "shortfall",
            ]
        case .petitions: return ["id", "petitioner", "authority", "via", "subject", "category", "opened", "status", "office"]
        case .events: return []
        }
    }

    /// Writes `kind` as `format` to `handle`. Events are JSON Lines only; records are CSV or JSON.
    public static func run(_ kind: ExportKind, format: ExportFormat, ledger: Ledger, to handle: FileHandle) throws {
        switch (kind, format) {
        case (.events, .jsonl):
            let out = BufferedOutput(handle)
            try ledger.exportEvents { try out.write($0 + "\n") }
            try out.flush()
        case (.events, _):
            throw PetitionsError(
                "--format: the event log is exported as jsonl (one event a line), e.g. petitions export events --format jsonl.", code: .usage)
        case (_, .jsonl):
            throw PetitionsError("--format: \(kind.rawValue) are exported as csv or json; jsonl is for events.", code: .usage)
        case (_, .csv):
            let out = CSVOutput(handle: handle, neutralise: true)
            try out.write(columns(kind))
            try eachRow(kind, ledger) { try out.write($0) }
            try out.flush()
        case (_, .json):
            let out = BufferedOutput(handle)
            let encoder = HouseJSONEncoder(pretty: false)
            var first = true
            var line: [UInt8] = []
            func element<T: Encodable>(_ value: T) throws {
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: (first ? "[\n" : ",\n").utf8)
                try encoder.append(value, to: &line, depth: 0)
                try out.write(line)
                first = false
            }
            switch kind {
            case .petitioners: try ledger.exportPetitioners { p, _ in try element(p) }
            case .letters: try ledger.exportLetters { try element($0) }
            case .deliveries: try ledger.exportDeliveries { try element($0) }
            case .petitions: try ledger.exportPetitions { try element($0) }
            case .events: break
            }
            try out.write(first ? "[]\n" : "\n]\n")
            try out.flush()
        }
    }

    /// Each record as CSV cells, in the order of `columns(kind)`.
    static func eachRow(_ kind: ExportKind, _ ledger: Ledger, _ body: ([String]) throws -> Void) throws {
        func text(_ q: QuantityValue) -> String { Quantity.format(q.amount) }
        switch kind {
        case .petitioners:
            try ledger.exportPetitioners { p, day in
                try body([
                    String(p.id), p.handle, p.name, p.district ?? "", p.occupation ?? "", (p.groups ?? []).joined(separator: "; "),
                    (p.dependants ?? []).map { "\($0.name):\($0.category)" }.joined(separator: "; "), day?.description ?? "", p.office,
                ])
            }
        case .letters:
            try ledger.exportLetters { l in
                try body([
                    String(l.id), l.direction.rawValue, l.from, l.to, l.on.description, l.subject, l.petition.map(String.init) ?? "",
                    l.inReplyTo.map(String.init) ?? "", l.channel.rawValue, l.summary ?? "", l.expectsReply ? "yes" : "no",
                    l.replyWithin?.description ?? "", l.replyDue?.description ?? "", l.answeredBy.map(String.init) ?? "",
                    l.voided ? "yes" : "no", l.office,
                ])
            }
        case .deliveries:
            try ledger.exportDeliveries { d in
                for line in d.lines {
                    try body([
                        String(d.id), d.decree, d.recipient, d.supplier, d.period.description, d.due.description, d.status.rawValue,
                        line.commodity, line.expected.unit, text(line.expected), text(line.received), text(line.shortfall),
                    ])
                }
            }
        case .petitions:
            try ledger.exportPetitions { p in
                try body([
                    String(p.id), p.petitioner, p.authority, p.via ?? "", p.subject, p.category ?? "", p.opened.description, p.status.rawValue,
                    p.office,
                ])
            }
        case .events: break
        }
    }
}

/// Text written to a file handle in blocks of 64 KiB rather than a system call a line.
final class BufferedOutput {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
