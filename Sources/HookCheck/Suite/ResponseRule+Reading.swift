extension ResponseRule {
    /// `{"headers": {NAME: pattern, …}, "body": pattern}`; patterns may use `{"$request": "/pointer"}`.
    static func read(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> ResponseRule? {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: ["headers", "body"])
        var rule = ResponseRule()
        var isValid = true
        if let value = object["headers"] {
            let at = pointer.appending("headers")
            if let headers = reader.object(value, at: at) {
                for member in headers {
                    do {
                        let pattern = try Pattern.compileResponseRule(member.value, at: at.appending(member.key))
                        rule.headers.append(ResponseRule.HeaderRule(name: member.key, pattern: pattern))
                    } catch {
                        reader.report(error)
                        isValid = false
                    }
                }
            } else {
                isValid = false
            }
        }
        if let value = object["body"] {
            do {
                rule.body = try Pattern.compileResponseRule(value, at: pointer.appending("body"))
            } catch {
                reader.report(error)
                isValid = false
            }
        }
        return isValid ? rule : nil
    }
}
