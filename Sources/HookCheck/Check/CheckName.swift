/// One check made on captured deliveries; its raw value is the second half of a result's name
/// (`license created · signature`). Results of a case appear in this order.
public enum CheckName: String, Sendable, Hashable, CaseIterable {
    /// The request method is the profile's.
    case method
    /// The `Content-Type` is the profile's (POST deliveries).
    case contentType = "content type"
    /// The body is valid JSON (strict: duplicate keys fail).
    case json
    /// The body matches the profile's envelope, the case's shape and the case's `match`.
    case envelope
    /// The body satisfies the case's JSON Schema (`schema`).
    case schema
    /// The event type is present and one the profile (or a case) knows.
    case event
    /// The signature verifies over the exact bytes.
    case signature
    /// The token header carries the shared secret (token schemes).
    case token
    /// Every timestamp is well formed and within tolerance of `receivedAt`.
    case timestamp
    /// Ids are unique across different events and identical across retries of one event.
    case id
    /// Deliveries answered with a failure were retried within the suite's bounds.
    case retries
    /// The case was seen at least `count` times.
    case seen
    /// Deliveries that match no case of the suite.
    case unmatched = "case"
    /// The capture file's lines could be read.
    case records
}
