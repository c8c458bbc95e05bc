extension JSONValue {
    /// This value without the member or element `pointer` names; unchanged when there is none (or the
    /// pointer is the root). Used to take a timestamp or id out of a body before hashing it.
    public func removing(_ pointer: JSONPointer) -> JSONValue {
        Self.removing(pointer.tokens[...], from: self)
    }

    private static func removing(_ tokens: ArraySlice<String>, from value: JSONValue) -> JSONValue {
        guard let key = tokens.first else { return value }
        switch value {
        case .object(var object):
            if tokens.count == 1 {
                object[key] = nil
            } else if let member = object[key] {
                object[key] = removing(tokens.dropFirst(), from: member)
            }
            return .object(object)
        case .array(var elements):
            guard let index = Int(key), elements.indices.contains(index) else { return value }
            if tokens.count == 1 {
                elements.remove(at: index)
            } else {
                elements[index] = removing(tokens.dropFirst(), from: elements[index])
            }
            return .array(elements)
        default:
            return value
        }
    }
}
