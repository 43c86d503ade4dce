import PetitionsDomain

/// libFuzzer target: any text given to `Period(parsing:)` is a period or an error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPeriods(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    if let period = try? Period(parsing: text) { _ = try? Period(parsing: period.description) }
    return 0
}
