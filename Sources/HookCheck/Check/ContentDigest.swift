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
                stripped = stripped.removing(pointer)
            }
            hasher.combine(stripped)
        } else {
            body.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }
}
