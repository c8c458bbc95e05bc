extension Pattern {
    /// This pattern with every `$request` reference replaced by the value the request carried there, as an
    /// exact match; a reference to a value the request lacks stays unresolved and matches nothing.
    /// - Parameter request: the body of the request that was sent, parsed.
    public func resolvingRequestReferences(in request: JSONValue?) -> Pattern {
        switch self {
        case .request(let pointer):
            guard let request, let value = pointer.resolve(in: request) else { return self }
            return .exact(value)
        case .object(let members):
            return .object(
                members.map { Member(key: $0.key, pattern: $0.pattern.resolvingRequestReferences(in: request)) })
        case .array(let patterns):
            return .array(patterns.map { $0.resolvingRequestReferences(in: request) })
        case .each(let pattern):
            return .each(pattern.resolvingRequestReferences(in: request))
        case .contains(let pattern):
            return .contains(pattern.resolvingRequestReferences(in: request))
        case .all(let patterns):
            return .all(patterns.map { $0.resolvingRequestReferences(in: request) })
        case .anyOf(let patterns):
            return .anyOf(patterns.map { $0.resolvingRequestReferences(in: request) })
        case .optional(let pattern):
            return .optional(pattern.resolvingRequestReferences(in: request))
        case .nullable(let pattern):
            return .nullable(pattern.resolvingRequestReferences(in: request))
        case .literal, .type, .format, .regex, .oneOf, .minimum, .maximum, .length, .any, .absent, .exact:
            return self
        }
    }
}
