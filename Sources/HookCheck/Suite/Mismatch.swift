/// One way a value failed to match a pattern.
public struct Mismatch: Sendable, Hashable, CustomStringConvertible {
    /// Where in the matched document the failing value is (or would be, when it is missing).
    public var pointer: JSONPointer
    /// What the pattern wanted, e.g. `a string matching /^[0-9A-F-]+$/`.
    public var expected: String
    /// What was there, e.g. `"d08b53"`, `an object with 2 members` or `nothing`.
    public var found: String

    /// Creates a mismatch.
    public init(pointer: JSONPointer, expected: String, found: String) {
        self.pointer = pointer
        self.expected = expected
        self.found = found
    }

    /// `/data/key: expected a string matching /^[0-9A-F-]+$/, found "d08b53"`.
    public var description: String { "\(pointer.displayText): expected \(expected), found \(found)" }
}
