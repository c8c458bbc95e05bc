import HookHTTP

extension Listener {
    /// How a ``Listener`` binds, what it accepts, where it writes and how it answers.
    public struct Configuration: Sendable {
        /// The server: host (default `127.0.0.1`), port (0: ephemeral), limits and timeouts.
        public var server: HTTPServer.Configuration
        /// The only path deliveries are accepted on (others are answered 404 and not captured);
        /// `nil` accepts any path.
        public var path: String?
        /// The capture file, appended to.
        public var capturePath: String
        /// Whether every append is also synced to disk before the answer leaves.
        public var fsync: Bool
        /// The statuses to answer, per delivery identity.
        public var respondPlan: RespondPlan
        /// How long to wait after the capture is written before answering.
        public var respondDelay: Duration
        /// Whether signature and token header values are replaced by `[redacted]` in the capture file.
        public var redactsCaptures: Bool

        /// Creates a configuration.
        public init(
            server: HTTPServer.Configuration = .init(), path: String? = nil,
            capturePath: String = "Reports/captures.jsonl", fsync: Bool = false,
            respondPlan: RespondPlan = .alwaysOK, respondDelay: Duration = .zero, redactsCaptures: Bool = false
        ) {
            self.server = server
            self.path = path
            self.capturePath = capturePath
            self.fsync = fsync
            self.respondPlan = respondPlan
            self.respondDelay = respondDelay
            self.redactsCaptures = redactsCaptures
        }
    }
}
