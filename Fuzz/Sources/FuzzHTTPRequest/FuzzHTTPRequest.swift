import FuzzSupport

/// libFuzzer entry point: the bytes are a request stream for `HTTPParser(kind: .request)`; see
/// `HTTPParserFuzzing` for the properties checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    HTTPParserFuzzing.run(FuzzInput(start: start, count: count).bytes, kind: .request)
    return 0
}
