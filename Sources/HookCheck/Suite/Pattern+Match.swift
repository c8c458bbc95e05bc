extension Pattern {
    /// Matches a value against this pattern.
    /// - Parameters:
    ///   - value: the value, or `nil` when it is missing (a member absent from its object).
    ///   - pointer: where `value` sits in its document; mismatches carry pointers below it.
    /// - Returns: every mismatch found, in document order; empty when the value matches.
    public func match(_ value: JSONValue?, at pointer: JSONPointer = .root) -> [Mismatch] {
        // Most values match: answer that without building a pointer for every member on the way.
        matches(value) ? [] : mismatches(value, at: pointer)
    }

    /// Whether `value` matches this pattern.
    public func matches(_ value: JSONValue?) -> Bool {
        switch self {
        case .absent:
            return value == nil
        case .all(let patterns):
            return patterns.allSatisfy { $0.matches(value) }
        case .optional(let pattern):
            return value == nil || pattern.matches(value)
        case .anyOf(let patterns):
            return patterns.contains { $0.matches(value) }
        default:
            break
        }
        guard let value else { return false }
        switch self {
        case .nullable(let pattern):
            return value == .null || pattern.matches(value)
        case .object(let members):
            guard let object = value.objectValue else { return false }
            return members.allSatisfy { $0.pattern.matches(object[$0.key]) }
        case .array(let patterns):
            guard let elements = value.arrayValue, elements.count == patterns.count else { return false }
            return zip(patterns, elements).allSatisfy { $0.matches($1) }
        case .each(let pattern):
            guard let elements = value.arrayValue else { return false }
            return elements.allSatisfy { pattern.matches($0) }
        case .contains(let pattern):
            if case .string(let text) = value, case .literal(.string(let part)) = pattern {
                return text.contains(part)
            }
            guard let elements = value.arrayValue else { return false }
            return elements.contains { pattern.matches($0) }
        case .any, .absent, .all, .optional, .anyOf:
            return true
        case .request:
            return false
        default:
            return admits(value)
        }
    }

    /// Every mismatch of `value`, which does not match, with pointers below `pointer`.
    private func mismatches(_ value: JSONValue?, at pointer: JSONPointer) -> [Mismatch] {
        func failure(found: String? = nil) -> [Mismatch] {
            [Mismatch(pointer: pointer, expected: description, found: found ?? MessageWording.summary(of: value))]
        }
        switch self {
        case .absent:
            return value == nil ? [] : failure()
        case .all(let patterns):
            return patterns.flatMap { $0.match(value, at: pointer) }
        case .optional(let pattern):
            return value == nil ? [] : pattern.match(value, at: pointer)
        case .anyOf:
            return failure()
        default:
            break
        }
        guard let value else { return failure() }
        switch self {
        case .nullable(let pattern):
            guard value != .null else { return [] }
            // Deeper mismatches keep their own wording; one at this value also admits null.
            return pattern.match(value, at: pointer).map { mismatch in
                guard mismatch.pointer == pointer else { return mismatch }
                return Mismatch(pointer: pointer, expected: description, found: mismatch.found)
            }
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
        case .each(let pattern):
            guard let elements = value.arrayValue else { return failure() }
            return elements.enumerated().flatMap { pattern.match($1, at: pointer.appending(index: $0)) }
        case .contains:
            return matches(value) ? [] : failure()
        case .length:
            guard admits(value) else {
                let length = Self.length(of: value).map { " of length \($0)" } ?? ""
                return failure(found: MessageWording.summary(of: value) + length)
            }
            return []
        case .any, .absent, .all, .optional, .anyOf:
            return []
        default:
            return admits(value) ? [] : failure()
        }
    }

    /// Whether a present `value` satisfies this pattern's own test (the patterns without sub-patterns).
    private func admits(_ value: JSONValue) -> Bool {
        switch self {
        case .literal(let literal), .exact(let literal):
            return value.isSameValue(as: literal)
        case .type(let types):
            return types.contains { $0.admits(value) }
        case .format(let format):
            guard let text = value.stringValue else { return false }
            return format.admits(text)
        case .regex(let expression):
            guard let text = value.stringValue else { return false }
            return expression.hasMatch(in: text)
        case .oneOf(let values):
            return values.contains { value.isSameValue(as: $0) }
        case .minimum(let bound), .maximum(let bound):
            guard let number = value.numberText.flatMap(DecimalNumber.init), let limit = DecimalNumber(bound) else {
                return false
            }
            let isMinimum = if case .minimum = self { true } else { false }
            return isMinimum ? number >= limit : number <= limit
        case .length(let min, let max):
            guard let length = Self.length(of: value) else { return false }
            if let min, length < min { return false }
            if let max, length > max { return false }
            return true
        case .request:
            return false
        case .object, .array, .each, .contains, .any, .absent, .all, .anyOf, .optional, .nullable:
            return matches(value)
        }
    }

    /// The length a `length` pattern measures: characters of a string, elements, or members.
    private static func length(of value: JSONValue) -> Int? {
        switch value {
        case .string(let text): text.count
        case .array(let elements): elements.count
        case .object(let object): object.count
        default: nil
        }
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
