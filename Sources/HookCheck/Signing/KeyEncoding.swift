/// How a secret string becomes HMAC key bytes.
public enum KeyEncoding: String, Sendable, Hashable, CaseIterable {
    /// The secret's UTF-8 bytes, as given (GitHub, Stripe including its `whsec_` prefix, Slack, Shopify).
    case utf8
    /// Standard base64 of the key bytes (padding optional).
    case base64
    /// Standard Webhooks: an optional `whsec_` prefix, then base64 of the key bytes (padding
    /// optional, as the reference libraries accept).
    case whsec

    /// The key bytes of `secret`.
    /// - Throws: `SignatureError.invalidSecret` saying what is wrong, never quoting the secret.
    public func key(from secret: String) throws(SignatureError) -> [UInt8] {
        guard !secret.isEmpty else { throw .invalidSecret(reason: "the secret is empty") }
        switch self {
        case .utf8:
            return Array(secret.utf8)
        case .base64:
            return try Self.decode(Substring(secret), what: "the secret")
        case .whsec:
            let body = secret.hasPrefix("whsec_") ? secret.dropFirst(6) : Substring(secret)
            guard !body.isEmpty else { throw .invalidSecret(reason: "nothing follows \"whsec_\"") }
            return try Self.decode(body, what: secret.hasPrefix("whsec_") ? "the part after \"whsec_\"" : "the secret")
        }
    }

    private static func decode(_ text: Substring, what: String) throws(SignatureError) -> [UInt8] {
        do {
            return try Base64.decode(text, padding: .optional, allowsNonZeroTrailingBits: true)
        } catch {
            // The error's own description may quote a character of the secret: describe it here instead.
            let reason: String
            switch error {
            case .invalidCharacter(let offset, _): reason = "a character that is not base64 at offset \(offset)"
            case .invalidLength(let length): reason = "a length of \(length), which base64 cannot have"
            case .invalidPadding(let detail): reason = "bad padding (\(detail))"
            case .nonZeroTrailingBits: reason = "non-canonical trailing bits"
            }
            throw .invalidSecret(reason: "\(what) is not base64: \(reason)")
        }
    }
}
