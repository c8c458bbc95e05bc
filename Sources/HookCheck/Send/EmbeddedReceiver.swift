/// The receiver `run` starts in-process when no target is given anywhere: one route per suite, each with
/// the suite's profile and secret.
public enum EmbeddedReceiver {
    /// One endpoint to serve.
    public struct Route: Sendable, Hashable {
        /// The request path, e.g. `/cryptlex`.
        public var path: String
        /// The profile whose deliveries arrive there.
        public var profile: Profile
        /// The secret both sides share.
        public var secret: String

        /// Creates a route.
        public init(path: String, profile: Profile, secret: String) {
            self.path = path
            self.profile = profile
            self.secret = secret
        }
    }

    /// A started receiver.
    public protocol Running: Sendable {
        /// The base URL without a trailing slash, e.g. `http://127.0.0.1:8080`.
        var address: String { get }
        /// Stops serving.
        func stop() async
    }

    /// Starts a receiver on an ephemeral loopback port serving `routes`.
    public typealias Launcher = @Sendable ([Route]) async throws -> any Running

    /// One route per plan, at `/<profile name>` (with `-2`, `-3`, … when two suites of one profile use
    /// different secrets or profiles); returns the routes and, per plan, its path.
    public static func routes(for suites: [(profile: Profile, secret: String)]) -> (routes: [Route], paths: [String]) {
        var routes: [Route] = []
        var paths: [String] = []
        for (profile, secret) in suites {
            let route = Route(path: "/" + profile.name, profile: profile, secret: secret)
            if routes.contains(route) {
                paths.append(route.path)
                continue
            }
            var path = route.path
            var number = 2
            while routes.contains(where: { $0.path == path }) {
                path = route.path + "-\(number)"
                number += 1
            }
            routes.append(Route(path: path, profile: profile, secret: secret))
            paths.append(path)
        }
        return (routes, paths)
    }
}
