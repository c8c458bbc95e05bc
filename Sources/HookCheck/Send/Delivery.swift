import HookHTTP

/// One HTTP request carrying one webhook, exactly as it goes on (or came off) the wire: method,
/// target, ordered header list with duplicates kept, raw body bytes.
public struct Delivery: Sendable, Hashable {
    /// The request method, e.g. `POST`.
    public var method: String
    /// The absolute URL the delivery is sent to (`http://host:port/path?query`). For a captured
    /// delivery this is the URL the signature is verified over.
    public var url: String
    /// The header fields in order, duplicates kept.
    public var headers: HTTPHeaders
    /// The body bytes; signatures cover exactly these.
    public var body: [UInt8]

    /// Creates a delivery.
    public init(method: String, url: String, headers: HTTPHeaders, body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
