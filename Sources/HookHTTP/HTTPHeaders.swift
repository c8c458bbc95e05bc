/// One header field as it appeared on the wire: the name keeps its case, the value its bytes
/// (decoded as ISO-8859-1 would be lossy, so values are kept as UTF-8 text with invalid bytes
/// replaced only when a caller asks for a `String`).
public struct HTTPField: Sendable, Hashable {
    /// The field name exactly as sent or received.
    public var name: String
    /// The field value with surrounding optional whitespace removed.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered list of header fields. Order and duplicates are kept; lookup by name is
/// case-insensitive (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The fields in wire order.
    public private(set) var fields: [HTTPField]

    /// Creates headers from name/value pairs, keeping their order.
    public init(_ pairs: [(String, String)] = []) {
        fields = pairs.map { HTTPField(name: $0.0, value: $0.1) }
    }

    /// Creates headers from fields, keeping their order.
    public init(fields: [HTTPField]) {
        self.fields = fields
    }

    public init(arrayLiteral elements: (String, String)...) {
        self.init(elements)
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HTTPField { fields[position] }

    /// The first value of the field called `name` (case-insensitive), or `nil`.
    public subscript(name: String) -> String? {
        // By index, so that no field is copied on the way.
        for index in fields.indices where fields[index].name.caseInsensitiveEquals(name) { return fields[index].value }
        return nil
    }

    /// Every value of the field called `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// Whether a field called `name` is present (case-insensitive).
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.caseInsensitiveEquals(name) }
    }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(HTTPField(name: name, value: value))
    }

    /// Makes room for `count` fields in all, so that adding them does not grow the storage step by step.
    public mutating func reserveCapacity(_ count: Int) {
        fields.reserveCapacity(count)
    }

    /// Replaces the first field called `name` (keeping its position and removing later
    /// duplicates), or appends the field when absent.
    public mutating func replaceOrAdd(name: String, value: String) {
        guard let first = fields.firstIndex(where: { $0.name.caseInsensitiveEquals(name) }) else {
            add(name: name, value: value)
            return
        }
        fields[first] = HTTPField(name: fields[first].name, value: value)
        var index = fields.index(after: first)
        while index < fields.endIndex {
            if fields[index].name.caseInsensitiveEquals(name) {
                fields.remove(at: index)
            } else {
                index = fields.index(after: index)
            }
        }
    }

    /// Removes every field called `name` (case-insensitive).
    public mutating func remove(name: String) {
        fields.removeAll { $0.name.caseInsensitiveEquals(name) }
    }
}

extension String {
    /// ASCII case-insensitive comparison, as header names require. Inlined where it is called: most
    /// comparisons end at the lengths.
    @inlinable
    package func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && caseInsensitiveEqualsSameLength(other)
    }

    /// ``caseInsensitiveEquals(_:)`` for two strings of the same UTF-8 length.
    @usableFromInline
    package func caseInsensitiveEqualsSameLength(_ other: String) -> Bool {
        let lhs = utf8
        let rhs = other.utf8
        // Names are usually spelled alike: an exact match is a word compare for short names.
        if self == other { return true }
        // Native strings (every header read or built here) compare in place, without iterators.
        let compared = lhs.withContiguousStorageIfAvailable { left in
            rhs.withContiguousStorageIfAvailable { right in
                zip(left, right).allSatisfy(Self.asciiCaseInsensitiveEqual)
            }
        }
        if let compared, let result = compared { return result }
        return zip(lhs, rhs).allSatisfy(Self.asciiCaseInsensitiveEqual)
    }

    @inline(__always)
    private static func asciiCaseInsensitiveEqual(_ a: UInt8, _ b: UInt8) -> Bool {
        guard a != b else { return true }
        // Equal up to case only when they differ in the 0x20 bit and are letters.
        let lower = a | 0x20
        return a ^ b == 0x20 && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}
