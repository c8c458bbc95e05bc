import HookHTTP

/// Stripe: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256>[,v1=…]` over `t.body`, keyed by the whole
/// secret (its `whsec_` prefix included) as UTF-8. Verification accepts any matching `v1=` entry and
/// ignores every other scheme (`v0=`), as Stripe's docs require against downgrade attacks.
public struct StripeScheme: Sendable, Hashable {
    /// The header name, `Stripe-Signature`.
    public static let header = "Stripe-Signature"

    /// Seconds a timestamp may be in the past; `0` disables the check.
    public var tolerance: Int
    /// Whether future timestamps are bounded too; Stripe's libraries tolerate them.
    public var future: TimestampPolicy.FuturePolicy

    /// Creates the scheme; the defaults are stripe-python's.
    public init(tolerance: Int = 300, future: TimestampPolicy.FuturePolicy = .tolerate) {
        self.tolerance = tolerance
        self.future = future
    }

    func sign(_ context: SigningContext, keys: [SigningKey]) throws(SignatureError) -> [HTTPField] {
        guard let timestamp = context.timestamp else { throw .missingValue("timestamp") }
        let message = Self.signedBytes(timestamp: timestamp, body: context.body)
        var value = "t=" + timestamp
        for key in keys {
            value += ",v1=" + Hex.encode(try key.authenticationCode(of: message, .sha256))
        }
        return [HTTPField(name: Self.header, value: value)]
    }

    /// Reads what a delivery signs and offers: `t.` and the body, and the `v1=` entries of
    /// `Stripe-Signature`.
    func signedMessage(headers: HTTPHeaders, body: [UInt8]) -> Result<SignedMessage, SignatureFailure> {
        let name = Self.header
        guard let header = headers[name] else { return .failure(.missingHeader(name)) }
        var timestampText: Substring?
        var candidates: [Substring] = []
        for element in header.split(separator: ",") {
            guard let equals = element.firstIndex(of: "=") else { continue }
            let scheme = element[..<equals].trimmingSpaces
            let value = element[element.index(after: equals)...]
            if scheme == "t", timestampText == nil {
                timestampText = value
            } else if scheme == "v1" {
                candidates.append(value)
            }
        }
        guard let timestampText else { return .failure(.malformedHeader(name, reason: "no t= timestamp")) }
        guard let timestamp = parseUnixTimestamp(timestampText) else {
            return .failure(.malformedHeader(name, reason: "t=: " + notATimestamp(timestampText)))
        }
        guard !candidates.isEmpty else { return .failure(.malformedHeader(name, reason: "no v1= signature")) }
        return .success(
            SignedMessage(
                prefix: timestampText + ".", body: body, header: name, candidates: candidates, encoding: .hex,
                lead: "v1=", signedTimestamp: (timestamp, name)))
    }

    /// `t.body`, byte for byte.
    static func signedBytes(timestamp: String, body: [UInt8]) -> [UInt8] {
        Array(timestamp.utf8) + [UInt8(ascii: ".")] + body
    }
}

extension Substring {
    /// The text without leading and trailing ASCII spaces.
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
