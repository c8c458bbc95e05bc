/// The `reserialize-before-verify` flaw's view of a body: parsed, then written compactly with every
/// object's keys sorted by code point (what `json.dumps(sort_keys=True, separators=(",", ":"))` or a
/// decode-then-encode round trip does).
enum ReserializedJSON {
    /// `bytes` re-serialised, or `bytes` unchanged when they are not JSON.
    static func bytes(_ bytes: [UInt8]) -> [UInt8] {
        guard let value = try? JSONParser.parse(bytes) else { return bytes }
        return Array(JSONWriter.compact(sorted(value)).utf8)
    }

    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            let members = object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return .object(JSONObject(members.map { ($0.key, sorted($0.value)) }))
        case .array(let elements):
            return .array(elements.map(sorted))
        default:
            return value
        }
    }
}
