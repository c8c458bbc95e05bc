/// A schema that cannot be compiled: a `$ref` that resolves nowhere, a keyword of the wrong type, a
/// pattern that does not compile, an unknown `$schema`.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The schema resource the problem is in (its URI or file).
    public var resource: String
    /// Where inside that resource.
    public var pointer: JSONPointer
    /// What is wrong and what was expected.
    public var message: String

    public init(resource: String, pointer: JSONPointer, message: String) {
        self.resource = resource
        self.pointer = pointer
        self.message = message
    }

    public var description: String { "\(resource)#\(pointer): \(message)" }
}
