extension DeliveryAssessment {
    /// Validates `body` against the case's schema: the `schema` check, whose failure names the instance
    /// pointer, the schema keyword location, and what was expected and found (the first two failures).
    mutating func judgeSchema(_ schema: SuiteSchema, body: JSONValue) {
        let failures = schema.compiled.validate(body)
        guard let first = failures.first else {
            pass(.schema)
            return
        }
        var message = failures.prefix(2).map(\.description).joined(separator: "; ")
        if failures.count > 2 { message += " (\(failures.count - 2) more)" }
        fail(.schema, message, expected: first.expected, found: first.found)
    }
}
