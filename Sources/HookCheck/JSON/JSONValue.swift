/// A JSON value that keeps what re-serialising would lose: object key order and each number's
/// exact source text.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, as its exact RFC 8259 text (e.g. `1.50`, `-0`, `2432232314`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type name used in messages and by the `$type` matcher: `null`, `boolean`,
    /// `number`, `string`, `array` or `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The Boolean, when this is a Boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The number's source text, when this is a number.
    public var numberText: String? {
        if case .number(let text) = self { text } else { nil }
    }

    /// The number as a `Double`, when this is a number.
    public var doubleValue: Double? {
        numberText.flatMap(Double.init)
    }

    /// The number as an `Int`, when this is a number written as an integer that fits.
    public var intValue: Int? {
        numberText.flatMap { Int($0) }
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The members, when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    /// The member called `key`, when this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }
}

/// A JSON object's members in source order. Keys are unique (the parser rejects duplicates).
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    /// One member of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    public private(set) var members: [Member]

    /// Creates an object from key/value pairs, in order. A later pair with an existing key
    /// replaces the earlier value in place.
    public init(_ pairs: [(String, JSONValue)] = []) {
        members = []
        for (key, value) in pairs { self[key] = value }
    }

    /// Creates an object from members whose keys are already known to be unique (the parser's path).
    init(uniqueMembers: [Member]) {
        members = uniqueMembers
    }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Member { members[position] }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`; setting `nil` removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            // By index, so that no member is copied on the way.
            for index in members.indices where members[index].key == key { return members[index].value }
            return nil
        }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }
}
