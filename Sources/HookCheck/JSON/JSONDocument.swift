/// A parsed JSON value together with where each value and each member name starts in the source,
/// for diagnostics such as `Suites/x.json:12:7: error: /cases/0/body: expected an object`.
public struct JSONDocument: Sendable {
    /// The parsed value.
    public let value: JSONValue
    private let valueLocations: [JSONPointer: TextPosition]
    private let keyLocations: [JSONPointer: TextPosition]

    init(
        value: JSONValue, valueLocations: [JSONPointer: TextPosition], keyLocations: [JSONPointer: TextPosition]
    ) {
        self.value = value
        self.valueLocations = valueLocations
        self.keyLocations = keyLocations
    }

    /// Where the value at `pointer` starts (its first character), or `nil` when there is no such value.
    public func location(of pointer: JSONPointer) -> TextPosition? {
        valueLocations[pointer]
    }

    /// Where the name of the object member at `pointer` starts (its opening quote), or `nil` when
    /// `pointer` does not name an object member.
    public func keyLocation(of pointer: JSONPointer) -> TextPosition? {
        keyLocations[pointer]
    }
}
