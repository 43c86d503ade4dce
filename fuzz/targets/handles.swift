import PetitionsDomain

/// libFuzzer target: any text given to `Handle.validate` is a handle or an error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHandles(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? Handle.validate(text)
    return 0
}
