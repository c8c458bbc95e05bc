/// What a signature may cover: the exact body bytes plus the request facts a signed-bytes template
/// can name (`{url}`, `{method}`, `{id}`, `{timestamp}`).
public struct SigningContext: Sendable, Hashable {
    /// The exact body bytes, as sent.
    public var body: [UInt8]
    /// The full URL the delivery is sent to (signed by `{url}` templates, e.g. iinked Sign).
    public var url: String
    /// The HTTP method, e.g. `POST`.
    public var method: String
    /// The delivery id (`webhook-id` for Standard Webhooks), if the profile has one.
    public var id: String?
    /// The timestamp exactly as it is sent, e.g. `"1614265330"`; schemes sign this text verbatim.
    public var timestamp: String?

    /// Creates a signing context.
    public init(body: [UInt8], url: String = "", method: String = "POST", id: String? = nil, timestamp: String? = nil) {
        self.body = body
        self.url = url
        self.method = method
        self.id = id
        self.timestamp = timestamp
    }
}
