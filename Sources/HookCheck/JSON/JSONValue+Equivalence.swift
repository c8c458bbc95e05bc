extension JSONValue {
    /// Whether `other` holds the same JSON data regardless of object member order: the same types,
    /// strings, Booleans and number text, arrays element by element, objects with the same keys
    /// mapping to equivalent values.
    ///
    /// - Parameter other: The value to compare with.
    /// - Returns: `true` when the two differ only in member order.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            return left.allSatisfy { member in
                guard let match = right[member.key] else { return false }
                return member.value.isEquivalent(to: match)
            }
        default:
            return self == other
        }
    }
}
