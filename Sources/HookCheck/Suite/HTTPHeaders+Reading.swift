import HookHTTP

extension HTTPHeaders {
    /// Reads an object of header names to string values, in order (also used by inline profiles).
    static func read(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> HTTPHeaders? {
        guard let object = reader.object(value, at: pointer) else { return nil }
        var headers = HTTPHeaders()
        var isValid = true
        for member in object {
            let memberPointer = pointer.appending(member.key)
            guard isToken(member.key) else {
                reader.error("invalid header name \(MessageWording.quoted(member.key))", at: memberPointer, atKey: true)
                isValid = false
                continue
            }
            guard let text = reader.string(member.value, at: memberPointer) else {
                isValid = false
                continue
            }
            guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                reader.error("header value contains a line break or NUL", at: memberPointer)
                isValid = false
                continue
            }
            headers.add(name: member.key, value: text)
        }
        return isValid ? headers : nil
    }

    /// RFC 9110 token characters.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                        || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0))
            }
    }
}
