import PetitionsDomain

/// libFuzzer target: any text given to `Day(parsing:)` is a day or an error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDays(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    if let day = try? Day(parsing: text) { _ = try? Day(parsing: day.description) }
    return 0
}
