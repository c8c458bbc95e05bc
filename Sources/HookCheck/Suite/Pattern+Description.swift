extension Pattern: CustomStringConvertible {
    /// What the pattern expects, as mismatch messages say it: `a string matching /^v1,/`, `one of "a", "b"`.
    public var description: String {
        switch self {
        case .literal(let value), .exact(let value):
            return MessageWording.compactText(of: value)
        case .object:
            return "an object"
        case .array(let elements):
            return "an array of \(MessageWording.countText(elements.count, "element"))"
        case .type(let types):
            return types.map { MessageWording.articled($0.rawValue) }.joined(separator: " or ")
        case .format(let format):
            return format.description
        case .regex(let expression):
            return "a string matching \(expression)"
        case .oneOf(let values):
            return "one of " + values.map { MessageWording.compactText(of: $0, limit: 40) }.joined(separator: ", ")
        case .minimum(let bound):
            return "a number at least \(bound)"
        case .maximum(let bound):
            return "a number at most \(bound)"
        case .length(let min?, let max?) where min == max:
            return "a string, array or object of length \(min)"
        case .length(let min?, let max?):
            return "a string, array or object of length \(min) to \(max)"
        case .length(let min?, nil):
            return "a string, array or object of length at least \(min)"
        case .length(nil, let max?):
            return "a string, array or object of length at most \(max)"
        case .length(nil, nil):
            return "a string, array or object"
        case .each:
            return "an array"
        case .contains(.literal(.string(let text))):
            return "an array or string containing \(MessageWording.quoted(text))"
        case .contains(let pattern):
            return "an array containing \(pattern)"
        case .any:
            return "any value"
        case .absent:
            return "no value (the member must be absent)"
        case .all(let patterns):
            return patterns.map(\.description).joined(separator: " and ")
        case .optional(let pattern):
            return "\(pattern) (or no value)"
        case .nullable(let pattern):
            return "\(pattern) or null"
        case .anyOf(let patterns):
            return patterns.map(\.description).joined(separator: ", or ")
        case .request(let pointer):
            return "the request's value at \(pointer.displayText)"

        }
    }
}

extension Pattern.Format: CustomStringConvertible {
    /// The format with its article: `a uuid`, `an RFC 3339 date-time`.
    public var description: String {
        switch self {
        case .uuid: "a uuid"
        case .dateTime: "an RFC 3339 date-time"
        case .date: "an RFC 3339 date (yyyy-mm-dd)"
        case .email: "an email address"
        case .uri: "an absolute URI"
        case .hex: "a hex string"
        case .base64: "a base64 string"
        }
    }
}
