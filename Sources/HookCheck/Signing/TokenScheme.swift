import HookHTTP

/// A shared secret sent verbatim in a header (Ironclad's `Pactsafe-Webhook-Token`, Documenso's
/// `X-Documenso-Secret`). Nothing is signed; the body is not protected. An empty secret is allowed
/// (Documenso sends an empty header when none is configured).
public struct TokenScheme: Sendable, Hashable {
    /// The header that carries the token.
    public var header: String

    /// Creates the scheme.
    public init(header: String) {
        self.header = header
    }

    func sign(secret: String) -> [HTTPField] {
        [HTTPField(name: header, value: secret)]
    }

    func verify(headers: HTTPHeaders, secret: String) -> SignatureVerification {
        guard let value = headers[header] else { return .invalid(.missingHeader(header)) }
        return constantTimeEquals(value.utf8, secret.utf8) ? .valid : .invalid(.tokenMismatch(header: header))
    }
}
