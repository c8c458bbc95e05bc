/// One endpoint of the reference receiver: where it listens, which provider it plays and the
/// secret it verifies with.
public struct ReceiverRoute: Sendable, Hashable {
    /// The request path served (`/cryptlex`), or `nil` for every path. A trailing `/` is ignored.
    public var path: String?
    /// The provider profile deliveries on this route follow.
    public var profile: Profile
    /// The shared secret (ignored by profiles without authentication).
    public var secret: String
    /// The URL `{url}` signature templates cover; `nil` means `http://` + `Host` + request target.
    public var signatureURL: String?

    /// Creates a route.
    /// - Parameters:
    ///   - path: the path to serve, or `nil` for every path.
    ///   - profile: the provider profile.
    ///   - secret: the shared secret.
    ///   - signatureURL: the URL `{url}` templates sign, when a proxy hides the one the sender used.
    public init(path: String?, profile: Profile, secret: String, signatureURL: String? = nil) {
        self.path = path.map(Self.normalized)
        self.profile = profile
        self.secret = secret
        self.signatureURL = signatureURL
    }

    /// The key statistics are kept under: the path, or `*` for a route serving every path.
    public var key: String { path ?? "*" }

    /// Whether the route serves `requestPath` (the target without its query).
    func serves(_ requestPath: String) -> Bool {
        guard let path else { return true }
        return path == Self.normalized(requestPath)
    }

    static func normalized(_ path: String) -> String {
        var path = path.isEmpty || path.hasPrefix("/") ? path : "/" + path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty ? "/" : path
    }
}

extension ReceiverRoute {
    /// A route for every built-in profile at `/<name>`, each with the secret `secrets` gives, else
    /// ``defaultSecret(for:)``.
    /// - Parameter secrets: secrets by profile name.
    /// - Returns: the routes, in ``Profile/builtIn`` order.
    public static func builtIn(secrets: [String: String] = [:]) -> [ReceiverRoute] {
        Profile.builtIn.map { profile in
            ReceiverRoute(
                path: "/" + profile.name, profile: profile, secret: secrets[profile.name] ?? defaultSecret(for: profile)
            )
        }
    }

    /// A per-profile test secret that suits the profile's key encoding: `whsec_` + base64 for Standard
    /// Webhooks and base64-keyed HMAC schemes, plain text otherwise. Not a secret: for tests and demos.
    public static func defaultSecret(for profile: Profile) -> String {
        let text = "hookcheck-\(profile.name)-secret"
        switch profile.scheme {
        case .standardWebhooks:
            return "whsec_" + Base64.encode(Array(text.utf8))
        case .hmac(let scheme) where scheme.key != .utf8:
            return (scheme.key == .whsec ? "whsec_" : "") + Base64.encode(Array(text.utf8))
        case .stripe:
            return "whsec_" + text
        default:
            return text
        }
    }
}
