import HookHTTP

/// Which event a delivery carries, so that retries of one event can be told apart from different
/// events: the profile's id when the delivery has one, else a SHA-256 of its body with the profile's
/// timestamp field removed (providers such as Documenso regenerate that field on every attempt).
public enum DeliveryIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The delivery's id, read from the profile's id source.
    case id(String)
    /// The hex SHA-256 of the body without its timestamp field (the raw body when it is not JSON).
    case bodyHash(String)

    /// The identity of a delivery under `profile`.
    /// - Parameters:
    ///   - profile: where the id and timestamp live.
    ///   - envelope: the parsed body (or the query's envelope for a GET profile), `nil` when not JSON.
    ///   - headers: the request headers as received.
    ///   - body: the exact body bytes.
    public init(profile: Profile, envelope: JSONValue?, headers: HTTPHeaders, body: [UInt8]) {
        if let id = profile.id(in: envelope, headers: headers), !id.isEmpty {
            self = .id(id)
            return
        }
        var hasher = SHA256()
        if case .pointer(let pointer) = profile.timestamp, let envelope, pointer.resolve(in: envelope) != nil {
            hasher.update(Array(JSONWriter.compact(envelope.removing(pointer)).utf8))
        } else {
            hasher.update(body)
        }
        self = .bodyHash(Hex.encode(hasher.finalize()))
    }

    /// The identity as one unambiguous string (`id:msg_123`, `sha256:<64 hex digits>`), for stores
    /// keyed by text.
    public var key: String {
        switch self {
        case .id(let id): "id:" + id
        case .bodyHash(let hash): "sha256:" + hash
        }
    }

    /// `id msg_123` or `body sha256 9f86d081…` (the first 12 hex digits).
    public var description: String {
        switch self {
        case .id(let id): "id \(id)"
        case .bodyHash(let hash): "body sha256 \(hash.prefix(12))"
        }
    }
}
