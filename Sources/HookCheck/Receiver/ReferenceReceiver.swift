import Foundation
import HookHTTP

/// A correct webhook receiver for every built-in profile (and any inline one), usable in-process or as
/// `hookcheck serve`: it verifies signatures and tokens over the raw bytes, enforces the signed
/// timestamp's tolerance, answers `401` to a failed authentication, `400` to malformed JSON or a body
/// outside the profile's envelope, `200` to known and unknown event types alike, and acknowledges a
/// repeated delivery without processing it twice. ``ReceiverFlaw``s make it wrong on purpose.
///
/// ```swift
/// let receiver = ReferenceReceiver(routes: ReceiverRoute.builtIn())
/// try await receiver.start()
/// print(receiver.url(for: "/cryptlex"))  // http://127.0.0.1:PORT/cryptlex
/// await receiver.shutdown()
/// ```
public final class ReferenceReceiver: Sendable {
    /// Where the receiver listens and how its flaws and memory behave.
    public struct Configuration: Sendable {
        /// The address to bind (default `127.0.0.1`).
        public var host: String
        /// The port to bind; 0 (default) picks an ephemeral one.
        public var port: Int
        /// How long the `slow` flaw waits before answering (default 11 s, past the default `within` of 10 s).
        public var slowDelay: Duration
        /// The most delivery identities remembered per route for idempotency (default 10 000).
        public var idempotencyCapacity: Int
        /// The clock signed timestamps are judged against.
        public var now: @Sendable () -> Date
        /// Receives one line per answered request (method, path, status, outcome); never a secret.
        public var log: (@Sendable (String) -> Void)?

        /// Creates a configuration; every parameter has the documented default.
        public init(
            host: String = "127.0.0.1", port: Int = 0, slowDelay: Duration = .seconds(11),
            idempotencyCapacity: Int = 10_000, now: @escaping @Sendable () -> Date = { Date() },
            log: (@Sendable (String) -> Void)? = nil
        ) {
            self.host = host
            self.port = port
            self.slowDelay = slowDelay
            self.idempotencyCapacity = idempotencyCapacity
            self.now = now
            self.log = log
        }
    }

    /// The routes served, in match order (exact paths first, then a route serving every path).
    public var routes: [ReceiverRoute] { handler.routes }
    /// The deliberate mistakes made.
    public var flaws: Set<ReceiverFlaw> { handler.flaws }
    /// The configuration the receiver was created with.
    public var configuration: Configuration { handler.configuration }

    private let handler: ReceiverHandler
    private let server: HTTPServer

    /// Creates a receiver; nothing is bound until ``start()``.
    /// - Parameters:
    ///   - routes: the endpoints to serve.
    ///   - flaws: deliberate mistakes to make (default none: a correct receiver).
    ///   - configuration: address, slow delay, idempotency bound, clock and log.
    public init(routes: [ReceiverRoute], flaws: Set<ReceiverFlaw> = [], configuration: Configuration = Configuration())
    {
        let handler = ReceiverHandler(routes: routes, flaws: flaws, configuration: configuration)
        self.handler = handler
        server = HTTPServer(configuration: HTTPServer.Configuration(host: configuration.host, port: configuration.port))
        { request in
            await handler.handle(request)
        }
    }

    /// A receiver for every built-in profile at `/<name>`, each with its own secret.
    /// - Parameters:
    ///   - secrets: secrets by profile name; a profile not named gets ``ReceiverRoute/defaultSecret(for:)``.
    ///   - flaws: deliberate mistakes to make.
    ///   - configuration: address, slow delay, idempotency bound, clock and log.
    public static func builtIn(
        secrets: [String: String] = [:], flaws: Set<ReceiverFlaw> = [], configuration: Configuration = Configuration()
    ) -> ReferenceReceiver {
        ReferenceReceiver(routes: ReceiverRoute.builtIn(secrets: secrets), flaws: flaws, configuration: configuration)
    }

    /// Binds and starts answering; returns once the socket is listening.
    /// - Throws: `HTTPServerError` when the address cannot be bound or the receiver already started.
    public func start() async throws(HTTPServerError) {
        try await server.start()
        handler.setAuthority(server.address.dropFirst("http://".count).description)
    }

    /// Stops accepting and lets in-flight requests finish within `gracePeriod`.
    public func shutdown(gracePeriod: Duration = .seconds(5)) async {
        await server.shutdown(gracePeriod: gracePeriod)
    }

    /// The bound port (0 before ``start()``).
    public var port: Int { server.port }

    /// The base URL without a trailing slash, e.g. `http://127.0.0.1:8080`.
    public var address: String { server.address }

    /// The full URL of `path` on this receiver, e.g. `http://127.0.0.1:8080/cryptlex`.
    public func url(for path: String) -> String {
        address + ReceiverRoute.normalized(path)
    }

    /// Answers one request as the server would (for tests without sockets).
    /// - Parameter request: the request as received: method, target, headers and raw body.
    /// - Returns: the response.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        await handler.handle(request)
    }

    /// What the route with `key` (its path, or `*` for a route serving every path) did so far.
    public func statistics(for key: String) -> ReceiverStatistics {
        handler.statistics(for: key)
    }

    /// Every route's statistics by route key.
    public var statistics: [String: ReceiverStatistics] { handler.allStatistics }
}
