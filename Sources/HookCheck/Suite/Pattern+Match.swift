extension Pattern {
    /// Matches a value against this pattern.
    /// - Parameters:
    ///   - value: the value, or `nil` when it is missing (a member absent from its object).
    ///   - pointer: where `value` sits in its document; mismatches carry pointers below it.
    /// - Returns: every mismatch found, in document order; empty when the value matches.
    public func match(_ value: JSONValue?, at pointer: JSONPointer = .root) -> [Mismatch] {
        func failure(found: String? = nil) -> [Mismatch] {
            [Mismatch(pointer: pointer, expected: description, found: found ?? Phrase.summary(of: value))]
        }
        switch self {
        case .absent:
            return value == nil ? [] : failure()
        case .all(let patterns):
            return patterns.flatMap { $0.match(value, at: pointer) }
        default:
            break
        }
        guard let value else { return failure() }
        switch self {
        case .literal(let literal), .exact(let literal):
            return value.isSameValue(as: literal) ? [] : failure()
        case .object(let members):
            guard let object = value.objectValue else { return failure() }
            return members.flatMap { $0.pattern.match(object[$0.key], at: pointer.appending($0.key)) }
        case .array(let patterns):
            guard let elements = value.arrayValue else { return failure() }
            let countMismatch = elements.count == patterns.count ? [] : failure()
            return countMismatch
                + zip(patterns, elements).enumerated().flatMap { index, pair in
                    pair.0.match(pair.1, at: pointer.appending(index: index))
                }
        case .type(let types):
            return types.contains { $0.admits(value) } ? [] : failure()
        case .format(let format):
            guard let text = value.stringValue, format.admits(text) else { return failure() }
            return []
        case .regex(let expression):
            guard let text = value.stringValue, expression.hasMatch(in: text) else { return failure() }
            return []
        case .oneOf(let values):
            return values.contains { value.isSameValue(as: $0) } ? [] : failure()
        case .minimum(let bound), .maximum(let bound):
            guard let number = value.numberText.flatMap(DecimalNumber.init), let limit = DecimalNumber(bound) else {
                return failure()
            }
            let isMinimum = if case .minimum = self { true } else { false }
            return (isMinimum ? number >= limit : number <= limit) ? [] : failure()
        case .length(let min, let max):
            let length: Int
            switch value {
            case .string(let text): length = text.count
            case .array(let elements): length = elements.count
            case .object(let object): length = object.count
            default: return failure()
            }
            if let min, length < min { return failure(found: "\(Phrase.summary(of: value)) of length \(length)") }
            if let max, length > max { return failure(found: "\(Phrase.summary(of: value)) of length \(length)") }
            return []
        case .each(let pattern):
            guard let elements = value.arrayValue else { return failure() }
            return elements.enumerated().flatMap { pattern.match($1, at: pointer.appending(index: $0)) }
        case .contains(let pattern):
            if case .string(let text) = value, case .literal(.string(let part)) = pattern {
                return text.contains(part) ? [] : failure()
            }
            guard let elements = value.arrayValue else { return failure() }
            return elements.contains { pattern.match($0, at: pointer).isEmpty } ? [] : failure()
        case .any, .absent, .all:
            return []
        }
    }

    /// Whether `value` matches this pattern.
    public func matches(_ value: JSONValue?) -> Bool {
        match(value).isEmpty
    }
}

extension Pattern.JSONType {
    /// Whether `value` is of this type.
    func admits(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.number, .number), (.boolean, .bool), (.object, .object), (.array, .array),
            (.null, .null):
            true
        case (.integer, .number(let text)): DecimalNumber(text)?.isInteger ?? false
        default: false
        }
    }
}
