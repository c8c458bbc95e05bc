import Foundation
import HookHTTP

/// How a profile authenticates its deliveries. Every scheme both signs (to send deliveries) and
/// verifies (to check captured ones); both work on the exact body bytes, never on re-serialized JSON.
public enum SignatureScheme: Sendable, Hashable {
    /// Standard Webhooks / Svix: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`.
    case standardWebhooks(StandardWebhooksScheme)
    /// Stripe: `Stripe-Signature: t=…,v1=<hex>`.
    case stripe(StripeScheme)
    /// A single HMAC header over a signed-bytes template (GitHub, Slack, Shopify, Cryptlex, iinked Sign).
    case hmac(HMACScheme)
    /// The header carries the secret itself.
    case token(TokenScheme)
    /// No authentication.
    case none

    /// The scheme's name in suite files: `standard-webhooks`, `stripe`, `hmac`, `token` or `none`.
    public var name: String {
        switch self {
        case .standardWebhooks: "standard-webhooks"
        case .stripe: "stripe"
        case .hmac: "hmac"
        case .token: "token"
        case .none: "none"
        }
    }

    /// The headers that carry the signature or token: the ones the missing-signature probe removes
    /// and reports redact. Id and timestamp headers are not included.
    public var authenticationHeaders: [String] {
        switch self {
        case .standardWebhooks(let scheme): [scheme.signatureHeader]
        case .stripe: [StripeScheme.header]
        case .hmac(let scheme): scheme.signatureHeaders
        case .token(let scheme): [scheme.header]
        case .none: []
        }
    }

    /// Whether the scheme signs a timestamp it sends itself, so stale and future probes apply.
    public var isTimestamped: Bool {
        switch self {
        case .standardWebhooks, .stripe: true
        case .hmac(let scheme): scheme.timestampHeader != nil
        case .token, .none: false
        }
    }

    /// Whether the scheme sends a shared token rather than a signature (probes are then named
    /// `wrong-token` and `missing-token`).
    public var isToken: Bool {
        if case .token = self { return true }
        return false
    }

    /// The header that carries the signed timestamp (`webhook-timestamp`, `Stripe-Signature`'s `t=`,
    /// `X-Slack-Request-Timestamp`), or `nil` when the scheme signs none of its own.
    public var timestampHeader: String? {
        switch self {
        case .standardWebhooks(let scheme): scheme.timestampHeader
        case .stripe: StripeScheme.header
        case .hmac(let scheme): scheme.timestampHeader
        case .token, .none: nil
        }
    }

    /// The scheme's own freshness rule, or `nil` when it signs no timestamp.
    public var timestampPolicy: TimestampPolicy? {
        switch self {
        case .standardWebhooks(let scheme): TimestampPolicy(tolerance: scheme.tolerance, future: scheme.future)
        case .stripe(let scheme): TimestampPolicy(tolerance: scheme.tolerance, future: scheme.future)
        case .hmac(let scheme):
            scheme.timestampHeader == nil ? nil : TimestampPolicy(tolerance: scheme.tolerance, future: scheme.future)
        case .token, .none: nil
        }
    }

    /// The header fields that authenticate a delivery, in the order to add them.
    ///
    /// Standard Webhooks emits its id, timestamp and signature headers (`context.id` and
    /// `context.timestamp` are required); Stripe emits `Stripe-Signature` (`context.timestamp`
    /// required); `hmac` emits its timestamp header when it has one, then the signature; `token`
    /// emits the secret; `none` emits nothing. Signing with a wrong secret builds a bad signature.
    /// - Parameters:
    ///   - context: the exact body and request facts to sign.
    ///   - secret: the signing secret, in the scheme's key encoding.
    /// - Returns: the fields to add to the request.
    /// - Throws: `SignatureError` for an unusable secret or a value the scheme needs but lacks.
    public func sign(_ context: SigningContext, secret: String) throws(SignatureError) -> [HTTPField] {
        try sign(context, secrets: [secret])
    }

    /// Signs with several secrets at once, as providers do while rotating a secret: Standard
    /// Webhooks sends space-separated `v1,` entries and Stripe several `v1=` entries. Schemes whose
    /// header holds one value (`hmac`, `token`) use the first secret only.
    /// - Throws: `SignatureError.invalidSecret` when `secrets` is empty or one is unusable.
    public func sign(_ context: SigningContext, secrets: [String]) throws(SignatureError) -> [HTTPField] {
        try SignatureSigner(scheme: self, secrets: secrets).sign(context)
    }

    /// Verifies a delivery's authentication.
    ///
    /// Standard Webhooks and Stripe read id and timestamp from their own headers; an `hmac` scheme
    /// reads its timestamp header when it has one, else signs the `timestamp` given here (taken
    /// from the profile's timestamp source), and signs `id` when its template names `{id}`.
    /// - Parameters:
    ///   - headers: the request headers as received.
    ///   - body: the exact body bytes as received.
    ///   - url: the URL the provider sent to (for `{url}` templates).
    ///   - method: the request method (for `{method}` templates).
    ///   - id: the delivery id from the profile's id source, if any.
    ///   - timestamp: the timestamp text from the profile's timestamp source, if any.
    ///   - secret: the shared secret.
    ///   - now: the time to judge freshness against.
    ///   - policy: overrides the scheme's own tolerance and future rule; `nil` keeps them.
    /// - Returns: `.valid`, or `.invalid` with the reason.
    public func verify(
        headers: HTTPHeaders, body: [UInt8], url: String = "", method: String = "POST", id: String? = nil,
        timestamp: String? = nil, secret: String, now: Date, policy: TimestampPolicy? = nil
    ) -> SignatureVerification {
        SignatureVerifier(scheme: self, secret: secret).verify(
            headers: headers, body: body, url: url, method: method, id: id, timestamp: timestamp, now: now,
            policy: policy)
    }

    /// The exact bytes the scheme signs for `context` (for reports and debugging; `nil` for `token`
    /// and `none`, or when a needed value is missing).
    public func signedBytes(for context: SigningContext) -> [UInt8]? {
        switch self {
        case .standardWebhooks:
            guard let id = context.id, let timestamp = context.timestamp else { return nil }
            return StandardWebhooksScheme.signedBytes(id: id, timestamp: timestamp, body: context.body)
        case .stripe:
            guard let timestamp = context.timestamp else { return nil }
            return StripeScheme.signedBytes(timestamp: timestamp, body: context.body)
        case .hmac(let scheme):
            return try? scheme.signedBytes(
                body: context.body, url: context.url, method: context.method, id: context.id,
                timestamp: context.timestamp
            ).get()
        case .token, .none:
            return nil
        }
    }
}
