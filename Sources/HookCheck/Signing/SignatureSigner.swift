import HookHTTP

/// A signature scheme bound to its secrets, each decoded and keyed once: the sender's counterpart of
/// ``SignatureVerifier``. Signing many deliveries with one signer (as `run` does) saves decoding the
/// secret and hashing the two HMAC key pads for every delivery.
///
/// ```swift
/// let signer = SignatureSigner(scheme: profile.scheme, secret: secret)
/// let fields = try signer.sign(SigningContext(body: body, id: id, timestamp: timestamp))
/// ```
public struct SignatureSigner: Sendable {
    /// The scheme signed with.
    public let scheme: SignatureScheme
    /// The secrets, in the order their signatures are sent.
    public let secrets: [String]
    private let keys: [SigningKey]

    /// Binds `scheme` to `secrets` (several while a secret rotates; see
    /// ``SignatureScheme/sign(_:secrets:)``). An unusable secret is reported by ``sign(_:)``.
    public init(scheme: SignatureScheme, secrets: [String]) {
        self.scheme = scheme
        self.secrets = secrets
        switch scheme {
        case .standardWebhooks:
            keys = secrets.map { SigningKey(secret: $0, encoding: .whsec, algorithms: [.sha256]) }
        case .stripe:
            keys = secrets.map { SigningKey(secret: $0, encoding: .utf8, algorithms: [.sha256]) }
        case .hmac(let hmac):
            // One value in the header: only the first secret signs, under each algorithm it needs.
            let algorithms = [hmac.algorithm] + hmac.companions.map(\.algorithm)
            keys = secrets.prefix(1).map { SigningKey(secret: $0, encoding: hmac.key, algorithms: algorithms) }
        case .token, .none:
            keys = []
        }
    }

    /// Binds `scheme` to one secret.
    public init(scheme: SignatureScheme, secret: String) {
        self.init(scheme: scheme, secrets: [secret])
    }

    /// The fields that authenticate `context`, as ``SignatureScheme/sign(_:secrets:)`` makes them.
    /// - Throws: `SignatureError.invalidSecret` when there is no secret or one is unusable (never quoting
    ///   it), or `.missingValue` for a value the scheme needs but `context` lacks.
    public func sign(_ context: SigningContext) throws(SignatureError) -> [HTTPField] {
        guard let first = secrets.first else { throw .invalidSecret(reason: "no secret given") }
        switch scheme {
        case .standardWebhooks(let scheme): return try scheme.sign(context, keys: keys)
        case .stripe(let scheme): return try scheme.sign(context, keys: keys)
        case .hmac(let scheme): return try scheme.sign(context, key: keys[0])
        case .token(let scheme): return scheme.sign(secret: first)
        case .none: return []
        }
    }
}

/// One secret as the HMAC keys a scheme signs with: the keyed hasher for each algorithm it needs.
struct SigningKey: Sendable {
    private let sha256: PreparedKey
    private let sha1: PreparedKey

    init(secret: String, encoding: KeyEncoding, algorithms: [HMACScheme.Algorithm]) {
        let key = { (algorithm: HMACScheme.Algorithm) in
            algorithms.contains(algorithm)
                ? PreparedKey(encoding: encoding, algorithm: algorithm, secret: secret) : .unused
        }
        sha256 = key(.sha256)
        sha1 = key(.sha1)
    }

    /// The authentication code of `message` under `algorithm`.
    /// - Throws: why the secret is unusable.
    func authenticationCode(of message: [UInt8], _ algorithm: HMACScheme.Algorithm) throws(SignatureError)
        -> [UInt8]
    {
        try withAuthenticationCode(of: message, algorithm) { Array($0) }
    }

    /// Calls `body` with the authentication code of `message` under `algorithm`, in temporary storage.
    /// - Throws: why the secret is unusable.
    func withAuthenticationCode<Result>(
        of message: [UInt8], _ algorithm: HMACScheme.Algorithm, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) throws(SignatureError) -> Result {
        switch algorithm {
        case .sha256: try sha256.withAuthenticationCode(of: message, body)
        case .sha1: try sha1.withAuthenticationCode(of: message, body)
        }
    }
}
