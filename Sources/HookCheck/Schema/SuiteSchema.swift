/// A case's `schema`, compiled once when the suite loads: every delivery body of the case is
/// validated against it (the `schema` check).
public struct SuiteSchema: Sendable, Hashable {
    /// The schema as the suite has it (inline, or `{"$ref": "…"}`).
    public let source: JSONValue
    /// The compiled schema.
    public let compiled: JSONSchema

    /// Pairs a schema with its compiled form.
    public init(source: JSONValue, compiled: JSONSchema) {
        self.source = source
        self.compiled = compiled
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.source == rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
