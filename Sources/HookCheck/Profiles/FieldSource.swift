import HookHTTP

/// Where a profile finds a delivery's event type, id or timestamp.
public enum FieldSource: Sendable, Hashable, CustomStringConvertible {
    /// A value in the JSON body (`/event_type`).
    case pointer(JSONPointer)
    /// A request header (`X-GitHub-Event`).
    case header(String)
    /// One `name=value` entry of a comma-separated header (`Stripe-Signature`'s `t=`).
    case headerParameter(header: String, name: String)
    /// The provider sends none.
    case none

    /// `/event_type`, `header X-GitHub-Event`, `header Stripe-Signature t=` or `none`.
    public var description: String {
        switch self {
        case .pointer(let pointer): pointer.displayText
        case .header(let name): "header \(name)"
        case .headerParameter(let header, let name): "header \(header) \(name)="
        case .none: "none"
        }
    }

    /// The field's text in a delivery: a string as is, a number as written; `nil` when missing or of
    /// another type.
    public func text(in body: JSONValue?, headers: HTTPHeaders) -> String? {
        switch self {
        case .pointer(let pointer):
            switch body.flatMap(pointer.resolve(in:)) {
            case .string(let text): return text
            case .number(let text): return text
            default: return nil
            }
        case .header(let name):
            return headers[name]
        case .headerParameter(let header, let name):
            guard let value = headers[header] else { return nil }
            for entry in value.split(separator: ",") {
                let trimmed = entry.drop { $0 == " " }
                if trimmed.hasPrefix(name + "=") { return String(trimmed.dropFirst(name.count + 1)) }
            }
            return nil
        case .none:
            return nil
        }
    }

    /// `body` with `value` written where this pointer source points, creating missing objects on the way;
    /// `body` unchanged for header sources, or when the path crosses a value that is not an object.
    public func writing(_ value: JSONValue, into body: JSONValue) -> JSONValue {
        guard case .pointer(let pointer) = self, !pointer.tokens.isEmpty else { return body }
        return Self.write(value, tokens: pointer.tokens[...], into: body) ?? body
    }

    private static func write(_ value: JSONValue, tokens: ArraySlice<String>, into container: JSONValue?)
        -> JSONValue?
    {
        guard let key = tokens.first else { return value }
        switch container {
        case .object(var object):
            guard let member = write(value, tokens: tokens.dropFirst(), into: object[key]) else { return nil }
            object[key] = member
            return .object(object)
        case nil:
            guard let member = write(value, tokens: tokens.dropFirst(), into: nil) else { return nil }
            return .object(JSONObject([(key, member)]))
        case .array(var elements):
            guard let index = Int(key), elements.indices.contains(index),
                let element = write(value, tokens: tokens.dropFirst(), into: elements[index])
            else { return nil }
            elements[index] = element
            return .array(elements)
        default:
            return nil
        }
    }
}
