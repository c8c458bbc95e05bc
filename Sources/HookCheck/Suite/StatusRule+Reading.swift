extension StatusRule {
    /// Reads an `accept` or `reject` rule: one status or class (`"401"`, `"4xx"`, 401), or a non-empty list.
    static func read(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> StatusRule? {
        func entry(_ value: JSONValue, at pointer: JSONPointer) -> StatusRule.Entry? {
            let text: String
            switch value {
            case .string(let string): text = string
            case .number(let number): text = number
            default:
                reader.error(
                    "expected a status such as \"401\" or a class such as \"4xx\", found \(MessageWording.articled(value.typeName))",
                    at: pointer)
                return nil
            }
            guard let entry = StatusRule.Entry(text) else {
                reader.error(
                    "invalid status \(MessageWording.quoted(text)); expected a status 100–599 such as \"401\" or a class such as \"4xx\"",
                    at: pointer)
                return nil
            }
            return entry
        }
        guard case .array(let elements) = value else { return entry(value, at: pointer).map { StatusRule([$0]) } }
        guard !elements.isEmpty else {
            reader.error("expected at least one status", at: pointer)
            return nil
        }
        var entries: [StatusRule.Entry] = []
        for (index, element) in elements.enumerated() {
            guard let entry = entry(element, at: pointer.appending(index: index)) else { return nil }
            entries.append(entry)
        }
        return StatusRule(entries)
    }
}
