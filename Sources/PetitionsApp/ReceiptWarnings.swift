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
        if day > today { out.append("the receipt is dated \(day), after today (\(today)).") }
        if day < period.first { out.append("the receipt is dated \(day), before its period \(period) begins (\(period.first)).") }
        return out
    }
}
