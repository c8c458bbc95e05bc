import FuzzSupport
import HookCheck

/// libFuzzer entry point for `SuiteLoader.load(bytes:path:)`. The bytes are one suite file. Checked: no
/// trap; a suite comes back exactly when no diagnostic is an error; every diagnostic names the file, has a
/// 1-based location when it has one, and renders; every pointer a diagnostic names resolves in the
/// document or names a member that is missing from one that does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSuiteLoader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start: start, count: count).bytes
    let (suite, diagnostics) = SuiteLoader.load(bytes: bytes, path: "fuzz.json")
    let hasErrors = diagnostics.contains(where: \.isError)
    fuzzCheck((suite == nil) == hasErrors, "suite \(suite == nil ? "missing" : "loaded") with \(diagnostics)")
    let document = try? JSONParser.parse(bytes)
    for diagnostic in diagnostics {
        let text = diagnostic.description
        fuzzCheck(text.hasPrefix("fuzz.json"), "a diagnostic without the file name: \(text)")
        if let location = diagnostic.location {
            fuzzCheck(location.line >= 1 && location.column >= 1, "location \(location) is not 1-based")
        }
        if let document, let pointer = diagnostic.pointer {
            let resolves = pointer.resolve(in: document) != nil
            let parentResolves = JSONPointer(tokens: pointer.tokens.dropLast()).resolve(in: document) != nil
            fuzzCheck(resolves || parentResolves, "\(text): the pointer resolves to nothing")
        }
    }
    return 0
}
