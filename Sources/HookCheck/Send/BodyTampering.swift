/// The tampered-body probe's change: one value of the envelope altered after signing, so the bytes differ
/// from the signed ones in that value only (the body is written compactly both times).
enum BodyTampering {
    /// The member added when the body has no value to change.
    static let addedKey = "hookcheck_tampered"

    /// `body` with one value changed: the first string (depth first, in member order) outside `keeping`,
    /// else the first number or Boolean; when there is none, a member ``addedKey`` is added (or, for a body
    /// that is not an object, it is replaced by such an object).
    static func tampered(_ body: JSONValue, keeping: Set<JSONPointer>) -> JSONValue {
        for preferringStrings in [true, false] {
            if let changed = change(body, at: .root, keeping: keeping, preferringStrings: preferringStrings) {
                return changed
            }
        }
        guard case .object(var object) = body else { return .object(JSONObject([(addedKey, .bool(true))])) }
        object[addedKey] = .bool(true)
        return .object(object)
    }

    private static func change(
        _ value: JSONValue, at pointer: JSONPointer, keeping: Set<JSONPointer>, preferringStrings: Bool
    ) -> JSONValue? {
        if keeping.contains(pointer) { return nil }
        switch value {
        case .string(let text):
            return .string(altered(text))
        case .number(let text) where !preferringStrings:
            return .number(text == "1" ? "2" : "1")
        case .bool(let flag) where !preferringStrings:
            return .bool(!flag)
        case .object(var object):
            for member in object {
                if let changed = change(
                    member.value, at: pointer.appending(member.key), keeping: keeping,
                    preferringStrings: preferringStrings)
                {
                    object[member.key] = changed
                    return .object(object)
                }
            }
            return nil
        case .array(var elements):
            for index in elements.indices {
                if let changed = change(
                    elements[index], at: pointer.appending(index: index), keeping: keeping,
                    preferringStrings: preferringStrings)
                {
                    elements[index] = changed
                    return .array(elements)
                }
            }
            return nil
        default:
            return nil
        }
    }

    /// `text` with its last character replaced by another ASCII letter (or `x` for an empty string).
    private static func altered(_ text: String) -> String {
        guard let last = text.last else { return "x" }
        return String(text.dropLast()) + (last == "x" ? "y" : "x")
    }
}
