extension SecretSource {
    /// Reads a suite's `secret`: `{"env": NAME}` (a variable name), or `{"value": …}` (warned about).
    static func read(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> SecretSource? {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: ["env", "value"])
        switch (object["env"], object["value"]) {
        case (let name?, nil):
            guard let name = reader.nonEmptyString(name, at: pointer.appending("env")) else { return nil }
            let bytes = Array(name.utf8)
            let isName =
                !(bytes.first.map { $0 >= 48 && $0 <= 57 } ?? true)
                && bytes.allSatisfy {
                    $0 == UInt8(ascii: "_") || ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122)
                }
            guard isName else {
                reader.error(
                    "invalid environment variable name \(MessageWording.quoted(name)); use letters, digits and _",
                    at: pointer.appending("env"))
                return nil
            }
            return .environment(name)
        case (nil, let secret?):
            guard let text = reader.string(secret, at: pointer.appending("value")) else { return nil }
            reader.warning(
                "inline secret value: secrets belong in the environment; use {\"env\": \"NAME\"}",
                at: pointer.appending("value"))
            return .inline(SecretSource.Secret(text))
        case (_?, _?):
            reader.error("give either \"env\" or \"value\", not both", at: pointer)
            return nil
        case (nil, nil):
            reader.error("expected {\"env\": \"NAME\"} (or {\"value\": …})", at: pointer)
            return nil
        }
    }
}
