import Foundation

extension HTTPServer {
    /// Where the server listens and how much it tolerates. Every value has a documented default.
    public struct Configuration: Sendable, Hashable {
        /// The address to bind: `127.0.0.1` (default), `::1`, or a name that resolves to one.
        public var host: String
        /// The port to bind; 0 (default) picks an ephemeral port, readable as `HTTPServer.port`.
        public var port: Int
        /// Head, field-count and body limits (64 KiB, 200, 10 MiB); past them 431 or 413.
        public var limits: HTTPLimits
        /// The most connections served at once (default 1024). A connection past the bound is
        /// answered `503 Service Unavailable` with `Connection: close` and closed at once.
        public var maxConnections: Int
        /// Time to receive a request's line and headers, counted from the connection's accept for
        /// its first request and from the first byte for later ones (default 10 s; then 408 and close).
        public var headerReadTimeout: Duration
        /// Time to receive a request's body once its head is in (default 30 s; then 408 and close).
        public var bodyReadTimeout: Duration
        /// How long a keep-alive connection may sit idle between requests (default 30 s; then closed).
        public var idleTimeout: Duration
        /// Time to write a response (default 30 s; then the connection is closed).
        public var writeTimeout: Duration
        /// The event loop threads that serve the connections (default ``defaultEventLoopCount``, one per
        /// core; at least 1 is used). Each loop owns the connections handed to it.
        public var eventLoopCount: Int

        /// The number of active cores, at least 1.
        public static var defaultEventLoopCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

        /// Creates a configuration; every parameter defaults to the documented value.
        public init(
            host: String = "127.0.0.1", port: Int = 0, limits: HTTPLimits = .standard, maxConnections: Int = 1024,
            headerReadTimeout: Duration = .seconds(10), bodyReadTimeout: Duration = .seconds(30),
            idleTimeout: Duration = .seconds(30), writeTimeout: Duration = .seconds(30),
            eventLoopCount: Int = Configuration.defaultEventLoopCount
        ) {
            self.host = host
            self.port = port
            self.limits = limits
            self.maxConnections = maxConnections
            self.headerReadTimeout = headerReadTimeout
            self.bodyReadTimeout = bodyReadTimeout
            self.idleTimeout = idleTimeout
            self.writeTimeout = writeTimeout
            self.eventLoopCount = eventLoopCount
        }
    }
}

/// Why a server could not start. An enum: the server (being rewritten) matches on its cases.
public enum HTTPServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Binding or listening on `host:port` failed (address in use, not local, …).
    case cannotListen(host: String, port: Int, reason: String)
    /// `start()` was called twice, or after `shutdown`.
    case alreadyStarted

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        case .alreadyStarted: "the server was already started"
        }
    }
}
