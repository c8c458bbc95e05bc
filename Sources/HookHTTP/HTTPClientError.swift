/// Why a request got no well-formed response. Every message names the endpoint (`host:port`). A struct with
/// a ``code``, so new reasons can be added without breaking a caller's `switch`.
public struct HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stage at which a deadline passed.
    public enum Phase: String, Sendable, Hashable {
        case connect
        case write
        case response
    }

    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The URL cannot be parsed.
        public static let invalidURL = Code("invalidURL")
        /// The host name does not resolve.
        public static let unresolvableHost = Code("unresolvableHost")
        /// Nothing listens at the endpoint.
        public static let connectionRefused = Code("connectionRefused")
        /// The peer reset the connection.
        public static let connectionReset = Code("connectionReset")
        /// The peer closed the connection before sending any response byte.
        public static let closedWithoutResponse = Code("closedWithoutResponse")
        /// A deadline passed; ``HTTPClientError/phase`` says which.
        public static let timedOut = Code("timedOut")
        /// The response breaks HTTP/1.1 (or ended mid-message).
        public static let malformedResponse = Code("malformedResponse")
        /// Another socket failure, with the failing call and `strerror`.
        public static let network = Code("network")
        /// URLSession (used for `https://`) failed.
        public static let secureTransport = Code("secureTransport")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// The endpoint (`host:port`); for ``Code/invalidURL`` the URL, for ``Code/unresolvableHost`` the host.
    public var endpoint: String
    /// For ``Code/timedOut``: the stage at which the deadline passed.
    public var phase: Phase?
    /// Why, when there is more to say (the parser's or the system's reason).
    public var reason: String?

    private init(code: Code, endpoint: String, phase: Phase? = nil, reason: String? = nil) {
        self.code = code
        self.endpoint = endpoint
        self.phase = phase
        self.reason = reason
    }

    /// `url` cannot be parsed.
    public static func invalidURL(_ url: String, reason: String) -> Self {
        Self(code: .invalidURL, endpoint: url, reason: reason)
    }

    /// `host` does not resolve.
    public static func unresolvableHost(_ host: String, reason: String) -> Self {
        Self(code: .unresolvableHost, endpoint: host, reason: reason)
    }

    /// Nothing listens at `endpoint`.
    public static func connectionRefused(endpoint: String) -> Self {
        Self(code: .connectionRefused, endpoint: endpoint)
    }

    /// The peer at `endpoint` reset the connection.
    public static func connectionReset(endpoint: String) -> Self { Self(code: .connectionReset, endpoint: endpoint) }

    /// The peer at `endpoint` closed the connection before sending any response byte.
    public static func closedWithoutResponse(endpoint: String) -> Self {
        Self(code: .closedWithoutResponse, endpoint: endpoint)
    }

    /// A deadline passed during `phase`.
    public static func timedOut(phase: Phase, endpoint: String) -> Self {
        Self(code: .timedOut, endpoint: endpoint, phase: phase)
    }

    /// The response from `endpoint` breaks HTTP/1.1, for `reason`.
    public static func malformedResponse(endpoint: String, reason: String) -> Self {
        Self(code: .malformedResponse, endpoint: endpoint, reason: reason)
    }

    /// Another socket failure talking to `endpoint`.
    public static func network(endpoint: String, reason: String) -> Self {
        Self(code: .network, endpoint: endpoint, reason: reason)
    }

    /// URLSession failed for `endpoint`.
    public static func secureTransport(endpoint: String, reason: String) -> Self {
        Self(code: .secureTransport, endpoint: endpoint, reason: reason)
    }

    public var description: String {
        let reason = reason ?? ""
        return switch code {
        case .invalidURL: "invalid URL '\(endpoint)': \(reason)"
        case .unresolvableHost: "cannot resolve host '\(endpoint)': \(reason)"
        case .connectionRefused: "connection refused by \(endpoint)"
        case .connectionReset: "connection reset by \(endpoint)"
        case .closedWithoutResponse: "\(endpoint) closed the connection without a response"
        case .timedOut: "timed out waiting for \(endpoint) (\(phase?.rawValue ?? ""))"
        case .malformedResponse: "malformed response from \(endpoint): \(reason)"
        case .network: "network error talking to \(endpoint): \(reason)"
        default: "https request to \(endpoint) failed: \(reason)"
        }
    }
}
