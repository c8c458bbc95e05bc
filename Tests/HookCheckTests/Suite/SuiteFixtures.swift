import HookCheck

/// Helpers for the suite and pattern tests.
enum SuiteFixtures {
    /// Parses JSON text written in a test; a parse failure is reported as a test issue and gives `null`.
    static func json(_ text: String) -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        guard let value = reader.value() else { return .null }
        return value
    }

    /// A minimal reader for well-formed test literals (the strict parser lives in JSON/).
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skip() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> JSONValue? {
            skip()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var pairs: [(String, JSONValue)] = []
                skip()
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(JSONObject(pairs))
                }
                while true {
                    skip()
                    guard let key = string() else { return nil }
                    skip()
                    index += 1  // :
                    guard let member = value() else { return nil }
                    pairs.append((key, member))
                    skip()
                    let separator = bytes[index]
                    index += 1
                    if separator == UInt8(ascii: "}") { return .object(JSONObject(pairs)) }
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [JSONValue] = []
                skip()
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(elements)
                }
                while true {
                    guard let element = value() else { return nil }
                    elements.append(element)
                    skip()
                    let separator = bytes[index]
                    index += 1
                    if separator == UInt8(ascii: "]") { return .array(elements) }
                }
            case UInt8(ascii: "\""):
                return string().map(JSONValue.string)
            case UInt8(ascii: "t"):
                index += 4
                return .bool(true)
            case UInt8(ascii: "f"):
                index += 5
                return .bool(false)
            case UInt8(ascii: "n"):
                index += 4
                return .null
            default:
                let start = index
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }

        mutating func string() -> String? {
            guard bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var result: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") {
                    index += 1
                    switch bytes[index] {
                    case UInt8(ascii: "n"): result.append(0x0A)
                    case UInt8(ascii: "t"): result.append(0x09)
                    default: result.append(bytes[index])
                    }
                } else {
                    result.append(bytes[index])
                }
                index += 1
            }
            index += 1
            return String(decoding: result, as: UTF8.self)
        }
    }
}
