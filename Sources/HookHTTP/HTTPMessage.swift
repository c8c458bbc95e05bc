/// The protocol version of a message.
public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public static let http10 = HTTPVersion(major: 1, minor: 0)
    public static let http11 = HTTPVersion(major: 1, minor: 1)

    public var description: String { "HTTP/\(major).\(minor)" }
}

/// A request: head plus raw body bytes. What a client sends is exactly this value.
public struct HTTPRequest: Sendable, Hashable {
    /// The method token, e.g. `POST`, exactly as on the request line.
    public var method: HTTPMethod
    /// The request target exactly as on the request line (origin form `/path?query`).
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's address as `host:port`, filled in by the server for received requests.
    public var remoteAddress: String?
    /// Trailer fields received after a chunked body (empty otherwise). Never sent.
    public var trailers: HTTPHeaders

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = [],
        body: [UInt8] = [], remoteAddress: String? = nil, trailers: HTTPHeaders = []
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.trailers = trailers
    }
}

/// A response: status line, headers and raw body bytes.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: HTTPStatus
    /// The reason phrase; empty means "use the standard phrase for `status`".
    public var reason: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Trailer fields received after a chunked body (empty otherwise). Never sent.
    public var trailers: HTTPHeaders

    public init(
        status: HTTPStatus, reason: String = "", version: HTTPVersion = .http11, headers: HTTPHeaders = [],
        body: [UInt8] = [], trailers: HTTPHeaders = []
    ) {
        self.status = status
        self.reason = reason
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
    }
}
