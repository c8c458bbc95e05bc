import HookHTTP

/// A delivery's identity, for idempotency (DESIGN.md "Capturing and checking"): the id from the
/// profile's id source; for a profile without an id, a SHA-256 of the event type and the body with the
/// profile's timestamp field removed (Documenso regenerates `createdAt` on every attempt).
enum DeliveryIdentity {
    /// The identity of a delivery whose envelope is `envelope` (parsed body, or the GET query's fields).
    static func of(envelope: JSONValue, headers: HTTPHeaders, profile: Profile) -> String {
        if let id = profile.id(in: envelope, headers: headers), !id.isEmpty {
            return "id:" + id
        }
        var stripped = envelope
        if case .pointer(let pointer) = profile.timestamp {
            stripped = removing(pointer.tokens[...], from: envelope)
        }
        var hasher = SHA256()
        hasher.update((profile.eventType(in: envelope, headers: headers) ?? "").utf8)
        hasher.update([0x0A])
        hasher.update(JSONWriter.compact(stripped).utf8)
        return "sha256:" + Hex.encode(hasher.finalize())
    }

    private static func removing(_ tokens: ArraySlice<String>, from value: JSONValue) -> JSONValue {
        guard let key = tokens.first, case .object(var object) = value else { return value }
        if tokens.count == 1 {
            object[key] = nil
        } else if let member = object[key] {
            object[key] = removing(tokens.dropFirst(), from: member)
        }
        return .object(object)
    }
}
