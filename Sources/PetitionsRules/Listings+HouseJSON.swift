import PetitionsDomain

// The listings written by the hundred thousand write their own house JSON: members in the order of their
// snake_case keys, as Foundation's JSONEncoder (convertToSnakeCase, sortedKeys) orders them. A test compares each
// with Foundation's output.

extension Severity: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) { w.string(rawValue) }
}

extension OverdueDelivery: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("action")
        w.string(action)
        w.key("consecutive_missed")
        w.int(consecutiveMissed)
        w.key("days_overdue")
        w.int(daysOverdue)
        w.key("decree")
        w.string(decree)
        w.key("delivery")
        w.int(delivery)
        w.key("due")
        w.value(due)
        w.key("expected")
        w.array(expected)
        w.key("message")
        w.string(message)
        w.key("overdue_since")
        w.value(overdueSince)
        w.key("period")
        w.value(period)
        w.key("received")
        w.array(received)
        w.key("recipient")
        w.string(recipient)
        w.key("severity")
        w.value(severity)
        w.key("shortfall")
        w.array(shortfall)
        w.key("supplier")
        w.string(supplier)
        w.endObject()
    }
}

extension UnansweredLetter: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("action")
        w.string(action)
        w.key("days_overdue")
        w.int(daysOverdue)
        w.key("days_waiting")
        w.int(daysWaiting)
        w.key("due")
        w.value(due)
        w.key("escalate_to")
        w.string(escalateTo)
        w.key("follow_ups")
        w.int(followUps)
        w.key("from")
        w.string(from)
        w.key("from_name")
        w.string(fromName)
        w.key("letter")
        w.int(letter)
        w.key("message")
        w.string(message)
        w.key("petition")
        w.int(petition)
        w.key("sent")
        w.value(sent)
        w.key("severity")
        w.value(severity)
        w.key("subject")
        w.string(subject)
        w.key("to")
        w.string(to)
        w.key("to_name")
        w.string(toName)
        w.key("working_days_overdue")
        w.int(workingDaysOverdue)
        w.endObject()
    }
}

extension FindingSubject: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("id")
        w.int(id)
        w.key("name")
        w.string(name)
        w.key("type")
        w.string(type.rawValue)
        w.endObject()
    }
}

extension Finding: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("action")
        w.string(action)
        w.key("days_overdue")
        w.int(daysOverdue)
        w.key("due")
        w.value(due)
        w.key("escalate_to")
        w.string(escalateTo)
        w.key("kind")
        w.string(kind.rawValue)
        w.key("message")
        w.string(message)
        w.key("overdue_since")
        w.value(overdueSince)
        w.key("rule")
        w.string(rule)
        w.key("severity")
        w.value(severity)
        w.key("subject")
        w.value(subject)
        w.key("working_days_overdue")
        w.int(workingDaysOverdue)
        w.endObject()
    }
}
