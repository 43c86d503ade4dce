import Foundation
import GRDB
import PetitionsDomain

/// A row of `event`, read by name through its columns; its subjects are read by `EventQuery` beside it.
struct EventRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "event"

    /// The columns an event is read from.
    enum Columns {
        static let id = Column("id")
        static let uuid = Column("uuid")
        static let kind = Column("kind")
        static let day = Column("day")
        static let recordedAt = Column("recorded_at")
        static let actor = Column("actor")
        static let office = Column("office")
        static let summary = Column("summary")
        static let payload = Column("payload")
    }

    var id: Int64
    var uuid: String
    var kind: String
    var day: Day
    var recordedAt: String
    var actor: String
    var office: String
    var summary: String
    var payload: String

    init(row: Row) throws {
        id = row[Columns.id]
        uuid = row[Columns.uuid]
        kind = row[Columns.kind]
        day = try row.decode(Columns.day)
        recordedAt = row[Columns.recordedAt]
        actor = row[Columns.actor]
        office = row[Columns.office]
        summary = row[Columns.summary]
        payload = row[Columns.payload]
    }

    /// The event as listed, with `subjects`; a payload that is not JSON, or with no `decoder`, is listed as null.
    func event(subjects: [Subject], decoder: JSONDecoder?) -> Event {
        Event(
            id: id, uuid: uuid, kind: kind, day: day, recordedAt: recordedAt, actor: actor, office: office, subjects: subjects,
            summary: summary, payload: (try? decoder?.decode(JSONValue.self, from: Data(payload.utf8))) ?? .null)
    }
}
