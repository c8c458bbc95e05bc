import FuzzSupport
import HookCheck

/// libFuzzer entry point for `JSONParser`. The bytes are one JSON document. Checked: no trap; the fast
/// path and the location-tracking path agree; a tighter depth limit never accepts what the default
/// rejects; a parsed value written compact, pretty and reformatted parses back to the same value;
/// every value has a location and its JSON pointer resolves to it and survives its own text form.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start: start, count: count).bytes
    let fast = Result { () throws(JSONParseError) in try JSONParser.parse(bytes) }
    let tracked = Result { () throws(JSONParseError) in try JSONParser.parseDocument(bytes) }
    switch (fast, tracked) {
    case (.success(let value), .success(let document)):
        fuzzCheck(value == document.value, "parse and parseDocument give different values")
        checkRoundTrips(value)
        checkPointers(in: document)
    case (.failure(let fastError), .failure(let trackedError)):
        fuzzCheck(fastError == trackedError, "parse threw \(fastError), parseDocument threw \(trackedError)")
        fuzzCheck(
            fastError.location.line >= 1 && fastError.location.column >= 1,
            "error location \(fastError.location) is not 1-based")
        _ = fastError.description
    default:
        fuzzCheck(false, "parse and parseDocument disagree: \(fast) vs \(tracked)")
    }
    let shallow = Result { () throws(JSONParseError) in try JSONParser.parse(bytes, options: .init(maxDepth: 3)) }
    if case .success(let value) = shallow {
        fuzzCheck(fast == .success(value), "maxDepth 3 accepted what the default depth did not")
    }
    return 0
}

private func checkRoundTrips(_ value: JSONValue) {
    for (style, text) in [
        ("compact", JSONWriter.compact(value)), ("pretty", JSONWriter.pretty(value)),
    ] {
        let again = try? JSONParser.parse(text)
        fuzzCheck(again == value, "the \(style) text of a parsed value parses differently: \(text)")
    }
    let reformatted = JSONWriter.reformatted(value)
    fuzzCheck(reformatted.utf8.allSatisfy { $0 < 0x80 }, "reformatted output is not ASCII")
    guard let again = try? JSONParser.parse(reformatted) else {
        fuzzCheck(false, "the reformatted text of a parsed value does not parse: \(reformatted)")
        return
    }
    fuzzCheck(again.isEquivalent(to: value), "the reformatted text is not equivalent: \(reformatted)")
}

private func checkPointers(in document: JSONDocument) {
    var pending: [(JSONPointer, JSONValue)] = [(.root, document.value)]
    var visited = 0
    while let (pointer, value) = pending.popLast(), visited < 2_000 {
        visited += 1
        fuzzCheck(document.location(of: pointer) != nil, "no location for \(pointer)")
        fuzzCheck(pointer.resolve(in: document.value) == value, "\(pointer) does not resolve to its value")
        fuzzCheck(JSONPointer(pointer.description) == pointer, "\(pointer) does not survive its text form")
        if let elements = value.arrayValue {
            for (index, element) in elements.enumerated() { pending.append((pointer.appending(index: index), element)) }
        } else if let object = value.objectValue {
            for member in object {
                fuzzCheck(document.keyLocation(of: pointer.appending(member.key)) != nil, "no key location")
                pending.append((pointer.appending(member.key), member.value))
            }
        }
    }
}
