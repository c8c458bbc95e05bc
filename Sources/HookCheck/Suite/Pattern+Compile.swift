extension Pattern {
    /// The matcher keys the language knows, in documentation order.
    public static let matcherNames = [
        "$type", "$format", "$regex", "$in", "$min", "$max", "$length", "$each", "$contains", "$like", "$any",
        "$absent", "$exact", "$anyOf", "$request",
    ]

    /// Compiles a pattern written in JSON.
    /// - Parameters:
    ///   - json: the pattern as written (a `match` value or a profile's `envelope`).
    ///   - pointer: where `json` sits in its file, for error messages.
    /// - Returns: the compiled pattern; regular expressions are compiled once, here.
    /// - Throws: ``PatternError`` for an unknown `$` matcher, an invalid regular expression, a matcher
    ///   argument of the wrong kind, or an object mixing `$` keys with member keys.
    public static func compile(_ json: JSONValue, at pointer: JSONPointer = .root) throws(PatternError) -> Pattern {
        try compile(json, at: pointer, allowsRequestReferences: false)
    }

    /// Compiles a response rule: as ``compile(_:at:)``, and `{"$request": "/pointer"}` may refer to a value of
    /// the request that was sent.
    public static func compileResponseRule(_ json: JSONValue, at pointer: JSONPointer = .root) throws(PatternError)
        -> Pattern
    {
        try compile(json, at: pointer, allowsRequestReferences: true)
    }

    private static func compile(_ json: JSONValue, at pointer: JSONPointer, allowsRequestReferences: Bool)
        throws(PatternError) -> Pattern
    {
        let requests = allowsRequestReferences
        func compile(_ json: JSONValue, at pointer: JSONPointer) throws(PatternError) -> Pattern {
            try Pattern.compile(json, at: pointer, allowsRequestReferences: requests)
        }
        func compileMatcher(_ name: String, _ argument: JSONValue, at pointer: JSONPointer) throws(PatternError)
            -> Pattern
        {
            try Pattern.compileMatcher(name, argument, at: pointer, allowsRequestReferences: requests)
        }
        switch json {
        case .null, .bool, .number, .string:
            return .literal(json)
        case .array(let elements):
            var patterns: [Pattern] = []
            for (index, element) in elements.enumerated() {
                patterns.append(try compile(element, at: pointer.appending(index: index)))
            }
            return .array(patterns)
        case .object(let object):
            let matcherKeys = object.keys.filter { $0.hasPrefix("$") }
            guard let firstMatcher = matcherKeys.first else {
                var members: [Member] = []
                for member in object {
                    let pattern = try compile(member.value, at: pointer.appending(member.key))
                    members.append(Member(key: member.key, pattern: pattern))
                }
                return .object(members)
            }
            if let literalKey = object.keys.first(where: { !$0.hasPrefix("$") }) {
                throw .mixedKeys(matcher: firstMatcher, member: literalKey, at: pointer)
            }
            var patterns: [Pattern] = []
            for member in object {
                patterns.append(try compileMatcher(member.key, member.value, at: pointer.appending(member.key)))
            }
            return patterns.count == 1 ? patterns[0] : .all(patterns)
        }
    }

    // MARK: - Matchers

    private static func compileMatcher(
        _ name: String, _ argument: JSONValue, at pointer: JSONPointer, allowsRequestReferences: Bool
    ) throws(PatternError) -> Pattern {
        func invalid(_ expected: String) -> PatternError {
            .invalidArgument(
                matcher: name, expected: expected, found: MessageWording.summary(of: argument), at: pointer)
        }
        func compile(_ json: JSONValue, at pointer: JSONPointer) throws(PatternError) -> Pattern {
            try Pattern.compile(json, at: pointer, allowsRequestReferences: allowsRequestReferences)
        }
        switch name {
        case "$type":
            return .type(try compileTypes(argument, at: pointer))
        case "$format":
            let names = Format.allCases.map(\.rawValue)
            guard let text = argument.stringValue else { throw invalid("a format name") }
            guard let format = Format(rawValue: text) else {
                throw invalid("one of \(names.joined(separator: ", "))\(MessageWording.didYouMean(text, among: names))")
            }
            return .format(format)
        case "$regex":
            guard let source = argument.stringValue else { throw invalid("a regular expression string") }
            do {
                return .regex(try RegularExpression(source))
            } catch {
                throw .invalidRegex(source, at: pointer)
            }
        case "$in":
            guard let values = argument.arrayValue, !values.isEmpty else { throw invalid("a non-empty array") }
            return .oneOf(values)
        case "$min", "$max":
            guard let number = argument.numberText, DecimalNumber(number) != nil else { throw invalid("a number") }
            return name == "$min" ? .minimum(number) : .maximum(number)
        case "$length":
            return try compileLength(argument, at: pointer, invalid: invalid)
        case "$each":
            return .each(try compile(argument, at: pointer))
        case "$contains":
            return .contains(try compile(argument, at: pointer))
        case "$like":
            return shape(of: argument)
        case "$any":
            guard argument == .bool(true) else { throw invalid("true") }
            return .any
        case "$absent":
            guard let flag = argument.boolValue else { throw invalid("true or false") }
            return flag ? .absent : .any
        case "$exact":
            return .exact(argument)
        case "$anyOf":
            guard let alternatives = argument.arrayValue, !alternatives.isEmpty else {
                throw invalid("a non-empty array of patterns")
            }
            var patterns: [Pattern] = []
            for (index, alternative) in alternatives.enumerated() {
                patterns.append(try compile(alternative, at: pointer.appending(index: index)))
            }
            return .anyOf(patterns)
        case "$request":
            guard allowsRequestReferences else {
                throw invalid("to be used in a response rule (expect.response) only")
            }
            guard let text = argument.stringValue, let reference = JSONPointer(text) else {
                throw invalid("a JSON pointer into the request body, such as \"/challenge\"")
            }
            return .request(reference)
        default:
            throw .unknownMatcher(name, at: pointer)
        }
    }

    private static func compileTypes(_ argument: JSONValue, at pointer: JSONPointer) throws(PatternError) -> [JSONType]
    {
        let names = JSONType.allCases.map(\.rawValue)
        func type(_ value: JSONValue, at pointer: JSONPointer) throws(PatternError) -> JSONType {
            guard let text = value.stringValue else {
                throw .invalidArgument(
                    matcher: "$type", expected: "a type name or a list of them",
                    found: MessageWording.summary(of: value),
                    at: pointer)
            }
            guard let type = JSONType(rawValue: text) else {
                throw .invalidArgument(
                    matcher: "$type",
                    expected: "one of \(names.joined(separator: ", "))\(MessageWording.didYouMean(text, among: names))",
                    found: MessageWording.quoted(text), at: pointer)
            }
            return type
        }
        guard let list = argument.arrayValue else { return [try type(argument, at: pointer)] }
        guard !list.isEmpty else {
            throw .invalidArgument(matcher: "$type", expected: "a non-empty list", found: "an empty array", at: pointer)
        }
        var types: [JSONType] = []
        for (index, element) in list.enumerated() {
            types.append(try type(element, at: pointer.appending(index: index)))
        }
        return types
    }

    private static func compileLength(
        _ argument: JSONValue, at pointer: JSONPointer, invalid: (String) -> PatternError
    ) throws(PatternError) -> Pattern {
        let expected = "a count or {\"min\": n, \"max\": n} with non-negative integers"
        func count(_ value: JSONValue) -> Int? {
            guard let count = value.intValue, count >= 0 else { return nil }
            return count
        }
        if let exact = count(argument) { return .length(min: exact, max: exact) }
        guard let object = argument.objectValue, !object.isEmpty else { throw invalid(expected) }
        var bounds: [String: Int] = [:]
        for member in object {
            guard member.key == "min" || member.key == "max", let value = count(member.value) else {
                throw invalid(expected)
            }
            bounds[member.key] = value
        }
        if let min = bounds["min"], let max = bounds["max"], min > max { throw invalid("min no greater than max") }
        return .length(min: bounds["min"], max: bounds["max"])
    }
}
