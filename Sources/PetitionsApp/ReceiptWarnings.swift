import PetitionsDomain

/// What is unusual about a receipt just recorded, each a sentence for stderr: it is recorded all the same (deliveries
/// in advance and late happen), never silently.
public enum ReceiptWarnings {
    /// Warnings for a receipt of `period` on `day`, recorded `today`, that left `delivery` as it now is.
    public static func check(_ delivery: Delivery, period: Period, on day: Day, today: Day) -> [String] {
        var out: [String] = []
        for line in delivery.lines where line.received.amount > line.expected.amount && line.expected.unit == line.received.unit {
            out.append(
                "the delivery of \(delivery.decree) to \(delivery.recipient) for \(period) has now received \(line.received.text), more than the \(line.expected.text) expected."
            )
        }
        return out + dated(day, period: period, today: today)
    }

    /// Warnings for a receipt of `period` dated `day`, recorded `today`: after today, or before its period begins.
    /// `what` names the receipt at the start of the sentence.
    public static func dated(_ day: Day, period: Period, today: Day, what: String = "the receipt") -> [String] {
        var out: [String] = []
        if day > today { out.append("\(what) is dated \(day), after today (\(today)); it counts from that day.") }
        if day < period.first { out.append("\(what) is dated \(day), before its period \(period) begins (\(period.first)).") }
        return out
    }
}
