/// One way an instance breaks a schema, in the spirit of JSON Schema's "basic" output unit.
public struct SchemaFailure: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance (the delivery body).
    public var instanceLocation: JSONPointer
    /// The keyword's path from the root schema, through every `$ref` followed (`/properties/a/$ref/type`).
    public var keywordLocation: JSONPointer
    /// The keyword's absolute location: its resource URI and pointer (`issues$opened#/properties/action`).
    public var absoluteKeywordLocation: String
    /// What the keyword expects (`"opened"`, `a string`, `at least 1 item`).
    public var expected: String
    /// What the instance holds there.
    public var found: String

    public init(
        instanceLocation: JSONPointer, keywordLocation: JSONPointer, absoluteKeywordLocation: String,
        expected: String, found: String
    ) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.expected = expected
        self.found = found
    }

    /// `/issue/number: schema /properties/issue/$ref/properties/number/type: expected an integer, found a string`.
    public var description: String {
        "\(instanceLocation.displayText): schema \(keywordLocation.displayText): expected \(expected), found \(found)"
    }
}
