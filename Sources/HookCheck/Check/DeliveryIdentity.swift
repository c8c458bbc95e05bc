import HookHTTP

/// What makes deliveries "the same event" for respond plans, retries and replays: the profile's id
/// when it has one, else a digest of the body with the profile's timestamp field removed (Documenso
/// regenerates `createdAt` on every attempt).
public enum DeliveryIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The delivery id, from the profile's id source.
    case id(String)
    /// A digest of the body's content (for profiles without an id, or deliveries missing it).
    case content(UInt64)

    /// The identity of a delivery.
    /// - Parameters:
    ///   - profile: the provider profile.
    ///   - body: the exact body bytes.
    ///   - envelope: the parsed body, when it is JSON.
    ///   - headers: the request headers.
    public init(profile: Profile, body: [UInt8], envelope: JSONValue?, headers: HTTPHeaders) {
        if let id = profile.id(in: envelope, headers: headers) {
            self = .id(id)
        } else {
            self = .content(Self.contentDigest(profile: profile, body: body, envelope: envelope))
        }
    }

    /// `id "msg_2Lh…"` or `body digest 0x…`.
    public var description: String {
        switch self {
        case .id(let id): "id \(JSONWriter.quoted(id))"
        case .content(let digest): "body digest 0x\(String(digest, radix: 16))"
        }
    }

    /// A digest of the body that stays the same across retries of one event: the raw bytes, or, when
    /// the profile keeps its id or timestamp in the body, the parsed body without those fields. Digests
    /// are comparable within one process only.
    public static func contentDigest(profile: Profile, body: [UInt8], envelope: JSONValue?) -> UInt64 {
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
