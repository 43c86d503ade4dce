import PetitionsDomain

/// libFuzzer target: any text given to `Span(parsing:)` is a span or an error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpans(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    if let span = try? Span(parsing: text) { _ = try? Span(parsing: span.description) }
    return 0
}
