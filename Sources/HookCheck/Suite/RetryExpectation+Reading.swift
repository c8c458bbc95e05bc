extension RetryExpectation {
    /// Reads a `retries` object (also used by inline profiles).
    static func read(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> RetryExpectation? {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: ["expect", "min", "max", "attempts"])
        var retries = RetryExpectation()
        if let value = object["expect"] {
            guard let flag = reader.bool(value, at: pointer.appending("expect")) else { return nil }
            retries.isExpected = flag
        }
        if let value = object["min"] {
            guard let seconds = reader.number(value, at: pointer.appending("min")) else { return nil }
            retries.minInterval = seconds
        }
        if let value = object["max"] {
            guard let seconds = reader.number(value, at: pointer.appending("max")) else { return nil }
            retries.maxInterval = seconds
        }
        if let min = retries.minInterval, let max = retries.maxInterval, min > max {
            reader.error(
                "\"min\" (\(value["min"]?.numberText ?? "")) is greater than \"max\" (\(value["max"]?.numberText ?? ""))",
                at: pointer.appending("max"))
            return nil
        }
        if let value = object["attempts"] {
            guard let attempts = reader.integer(value, at: pointer.appending("attempts"), minimum: 1) else {
                return nil
            }
            retries.attempts = attempts
        }
        return retries
    }
}
