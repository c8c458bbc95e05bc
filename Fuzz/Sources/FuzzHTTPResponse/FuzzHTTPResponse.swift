import FuzzSupport

/// libFuzzer entry point: the bytes are a response stream for `HTTPParser(kind: .response)`; see
/// `HTTPParserFuzzing` for the properties checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPResponse(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    HTTPParserFuzzing.run(FuzzInput(start: start, count: count).bytes, kind: .response)
    return 0
}
