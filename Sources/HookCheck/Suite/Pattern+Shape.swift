extension Pattern {
    /// The shape of an example value: the pattern `check` applies to a captured body using a case's body.
    ///
    /// An object requires the example's keys (extra keys are allowed), each with a value of the same shape;
    /// a string, number or Boolean requires that JSON type; `null` requires only that the member is present
    /// (examples show `null` where real deliveries may carry a value); an empty array requires any array.
    ///
    /// An array's elements are described by the union of all its elements, since real payloads mix them
    /// (a first recipient with `"signedAt": "2024-04-22T10:05:52.611Z"`, a second with `"signedAt": null`):
    /// - a member's allowed JSON types are the union of the types its elements show;
    /// - `null` in any element makes that member nullable;
    /// - a member present in only some elements is optional.
    public static func shape(of example: JSONValue) -> Pattern {
        shape(ofAll: [example])
    }

    /// The one shape that every value in `examples` (each present) fits: the union described at ``shape(of:)``.
    static func shape(ofAll examples: [JSONValue]) -> Pattern {
        var isNullable = false
        var types: [JSONType] = []
        for example in examples {
            guard let type = JSONType(rawValue: example.typeName) else { continue }
            if type == .null {
                isNullable = true
            } else if !types.contains(type) {
                types.append(type)
            }
        }
        let pattern: Pattern
        switch types.count {
        case 0:
            return .any  // only nulls: the member must be present, any value
        case 1:
            pattern = shape(ofAll: examples, type: types[0])
        default:
            pattern = .type(types)
        }
        return isNullable ? orNull(pattern) : pattern
    }

    /// The union shape of the `examples` of one non-null `type` (nulls among them are ignored).
    private static func shape(ofAll examples: [JSONValue], type: JSONType) -> Pattern {
        switch type {
        case .object:
            let objects = examples.compactMap(\.objectValue)
            var keys: [String] = []
            var values: [String: [JSONValue]] = [:]
            for object in objects {
                for member in object {
                    if values[member.key] == nil { keys.append(member.key) }
                    values[member.key, default: []].append(member.value)
                }
            }
            return .object(
                keys.map { key in
                    let seen = values[key] ?? []
                    let pattern = shape(ofAll: seen)
                    return Member(key: key, pattern: seen.count < objects.count ? .optional(pattern) : pattern)
                })
        case .array:
            let elements = examples.flatMap { $0.arrayValue ?? [] }
            return elements.isEmpty ? .type([.array]) : .each(shape(ofAll: elements))
        default:
            return .type([type])
        }
    }

    /// `pattern`, or `null`: a type list gains `null`, any other pattern is wrapped.
    private static func orNull(_ pattern: Pattern) -> Pattern {
        if case .type(let types) = pattern { return .type(types + [.null]) }
        return .nullable(pattern)
    }
}
