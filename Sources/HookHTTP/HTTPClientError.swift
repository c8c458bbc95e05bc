/// Why a request got no well-formed response. Every message names the endpoint (`host:port`).
public enum HTTPClientError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The stage at which a deadline passed.
    public enum Phase: String, Sendable, Hashable {
        case connect
        case write
        case response
    }

    /// The URL cannot be parsed.
    case invalidURL(String, reason: String)
    /// The host name does not resolve.
    case unresolvableHost(String, reason: String)
    /// Nothing listens at the endpoint.
    case connectionRefused(endpoint: String)
    /// The peer reset the connection.
    case connectionReset(endpoint: String)
    /// The peer closed the connection before sending any response byte.
    case closedWithoutResponse(endpoint: String)
    /// A deadline passed.
    case timedOut(phase: Phase, endpoint: String)
    /// The response breaks HTTP/1.1 (or ended mid-message).
    case malformedResponse(endpoint: String, reason: String)
    /// Another socket failure, with the failing call and `strerror`.
    case network(endpoint: String, reason: String)
    /// URLSession (used for `https://`) failed.
    case secureTransport(endpoint: String, reason: String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): "invalid URL '\(url)': \(reason)"
        case .unresolvableHost(let host, let reason): "cannot resolve host '\(host)': \(reason)"
        case .connectionRefused(let endpoint): "connection refused by \(endpoint)"
        case .connectionReset(let endpoint): "connection reset by \(endpoint)"
        case .closedWithoutResponse(let endpoint): "\(endpoint) closed the connection without a response"
        case .timedOut(let phase, let endpoint): "timed out waiting for \(endpoint) (\(phase.rawValue))"
        case .malformedResponse(let endpoint, let reason): "malformed response from \(endpoint): \(reason)"
        case .network(let endpoint, let reason): "network error talking to \(endpoint): \(reason)"
        case .secureTransport(let endpoint, let reason): "https request to \(endpoint) failed: \(reason)"
        }
    }
}
