/// A digest of a delivery's content that stays the same across retries of one event, whatever id or
/// timestamp each attempt carries: the raw bytes, or, when the profile keeps its id or timestamp in the
/// body, the parsed body without those fields. It lets `check` tell "a retry sent with a new id" from
/// "a different event". Digests are comparable within one process only.
enum ContentDigest {
    static func of(profile: Profile, body: [UInt8], envelope: JSONValue?) -> UInt64 {
        let removed = [profile.id, profile.timestamp].compactMap { source -> JSONPointer? in
            if case .pointer(let pointer) = source, !pointer.tokens.isEmpty { return pointer }
            return nil
        }
        var hasher = Hasher()
        if let envelope, !removed.isEmpty {
            var stripped = envelope
            for pointer in removed {
                stripped = removing(pointer.tokens[...], from: stripped)
            }
            hasher.combine(stripped)
        } else {
            body.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }

    private static func removing(_ tokens: ArraySlice<String>, from value: JSONValue) -> JSONValue {
        guard let key = tokens.first, case .object(var object) = value, let member = object[key] else { return value }
        if tokens.count == 1 {
            object[key] = nil
        } else {
            object[key] = removing(tokens.dropFirst(), from: member)
        }
        return .object(object)
    }
}
