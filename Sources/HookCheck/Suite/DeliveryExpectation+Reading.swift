extension DeliveryExpectation {
    /// The keys of an `expect` object that were given; merged key by key over a base.
    struct Override {
        var accept: StatusRule?
        var reject: StatusRule?
        var within: Double?
        var response: ResponseRule?

        func applied(to base: DeliveryExpectation) -> DeliveryExpectation {
            DeliveryExpectation(
                accept: accept ?? base.accept, reject: reject ?? base.reject, within: within ?? base.within,
                response: response ?? base.response)
        }
    }

    /// Reads an `expect` object (a suite's or a case's): the keys it gives, to merge over a base.
    static func readOverride(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> Override? {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: ["accept", "reject", "within", "response"])
        var result = Override()
        var isValid = true
        if let value = object["accept"] {
            result.accept = StatusRule.read(value, at: pointer.appending("accept"), reader: &reader)
            isValid = isValid && result.accept != nil
        }
        if let value = object["reject"] {
            result.reject = StatusRule.read(value, at: pointer.appending("reject"), reader: &reader)
            isValid = isValid && result.reject != nil
        }
        if let value = object["within"] {
            let within = reader.number(value, at: pointer.appending("within"))
            if within == 0 {
                reader.error("expected a number of seconds above 0, found 0", at: pointer.appending("within"))
            }
            result.within = within == 0 ? nil : within
            isValid = isValid && result.within != nil
        }
        if let value = object["response"] {
            result.response = ResponseRule.read(value, at: pointer.appending("response"), reader: &reader)
            isValid = isValid && result.response != nil
        }
        return isValid ? result : nil
    }
}
