import HookHTTP

/// A plain HMAC signature in one header: `<prefix><hex or base64 HMAC>` over a signed-bytes
/// template. Covers GitHub (`X-Hub-Signature-256: sha256=<hex>` over `{body}`), Slack
/// (`X-Slack-Signature: v0=<hex>` over `v0:{timestamp}:{body}`, timestamp in
/// `X-Slack-Request-Timestamp`), Shopify and Cryptlex (base64 over `{body}`) and iinked Sign
/// (base64 over `{url}{body}`). Verification compares the encoded text exactly (lowercase hex,
/// padded standard base64), in constant time.
public struct HMACScheme: Sendable, Hashable {
    /// The hash under the HMAC.
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case sha256
        case sha1
    }

    /// How the authentication code is written in the header.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// Lowercase hex.
        case hex
        /// Padded standard base64.
        case base64
    }

    /// A further signature header sent beside the main one, over the same bytes with the same key (GitHub's
    /// legacy `X-Hub-Signature: sha1=<hex>` beside `X-Hub-Signature-256`). Signing emits it; the
    /// missing-signature probe removes it; verification judges the main header.
    public struct Companion: Sendable, Hashable {
        /// The header that carries it.
        public var header: String
        /// Its hash.
        public var algorithm: Algorithm
        /// Hex or base64.
        public var encoding: Encoding
        /// Text before the encoded code (`sha1=`).
        public var prefix: String

        /// Creates a companion signature.
        public init(header: String, algorithm: Algorithm, encoding: Encoding = .hex, prefix: String = "") {
            self.header = header
            self.algorithm = algorithm
            self.encoding = encoding
            self.prefix = prefix
        }
    }

    /// The hash under the HMAC (default SHA-256).
    public var algorithm: Algorithm
    /// The header that carries the signature.
    public var header: String
    /// Hex (default) or base64.
    public var encoding: Encoding
    /// Text before the encoded code, e.g. `sha256=` or `v0=` (default none).
    public var prefix: String
    /// What is signed (default the raw body).
    public var signed: SignedTemplate
    /// How the secret becomes key bytes (default its UTF-8 bytes).
    public var key: KeyEncoding
    /// The header carrying the timestamp the template signs, if any (Slack: `X-Slack-Request-Timestamp`).
    /// When set, signing emits it and verification reads it and checks its freshness.
    public var timestampHeader: String?
    /// Seconds a timestamp in `timestampHeader` may be away from the clock; `0` disables the check.
    public var tolerance: Int
    /// Whether future timestamps are bounded too.
    public var future: TimestampPolicy.FuturePolicy
    /// Further signature headers sent beside ``header``, in order.
    public var companions: [Companion]

    /// Creates the scheme.
    public init(
        algorithm: Algorithm = .sha256, header: String, encoding: Encoding = .hex, prefix: String = "",
        signed: SignedTemplate = .body, key: KeyEncoding = .utf8, timestampHeader: String? = nil,
        tolerance: Int = 300, future: TimestampPolicy.FuturePolicy = .reject, companions: [Companion] = []
    ) {
        self.algorithm = algorithm
        self.header = header
        self.encoding = encoding
        self.prefix = prefix
        self.signed = signed
        self.key = key
        self.timestampHeader = timestampHeader
        self.tolerance = tolerance
        self.future = future
        self.companions = companions
    }

    /// Every header that carries a signature: ``header`` first, then the companions'.
    public var signatureHeaders: [String] { [header] + companions.map(\.header) }

    func sign(_ context: SigningContext, key: SigningKey) throws(SignatureError) -> [HTTPField] {
        if timestampHeader != nil, context.timestamp == nil {
            throw .missingValue("timestamp")
        }
        let message: [UInt8]
        switch signedBytes(
            body: context.body, url: context.url, method: context.method, id: context.id,
            timestamp: context.timestamp)
        {
        case .success(let bytes): message = bytes
        case .failure(let missing): throw .missingValue(missing.name)
        }
        let signature = try key.withAuthenticationCode(of: message, algorithm) { code in
            Self.headerValue(prefix: prefix, code: code, encoding)
        }
        var fields: [HTTPField] = []
        fields.reserveCapacity(2 + companions.count)
        if let timestampHeader, let timestamp = context.timestamp {
            fields.append(HTTPField(name: timestampHeader, value: timestamp))
        }
        fields.append(HTTPField(name: header, value: signature))
        for companion in companions {
            let value = try key.withAuthenticationCode(of: message, companion.algorithm) { code in
                Self.headerValue(prefix: companion.prefix, code: code, companion.encoding)
            }
            fields.append(HTTPField(name: companion.header, value: value))
        }
        return fields
    }

    /// Reads what a delivery signs and offers: the template rendered over the delivery (with the
    /// timestamp header's value when the scheme has one), and the signature after the prefix.
    func signedMessage(
        headers: HTTPHeaders, body: [UInt8], url: String, method: String, id: String?, timestamp: String?
    ) -> Result<SignedMessage, SignatureFailure> {
        var timestampText = timestamp
        var signedTimestamp: (Int, String)?
        if let timestampHeader {
            guard let text = headers[timestampHeader] else { return .failure(.missingHeader(timestampHeader)) }
            guard let value = parseUnixTimestamp(text) else {
                return .failure(.malformedHeader(timestampHeader, reason: notATimestamp(text)))
            }
            timestampText = text
            signedTimestamp = (value, timestampHeader)
        }
        guard let value = headers[header] else { return .failure(.missingHeader(header)) }
        guard value.hasPrefix(prefix) else {
            return .failure(.malformedHeader(header, reason: "expected the prefix \(String(reflecting: prefix))"))
        }
        switch signedBytes(body: body, url: url, method: method, id: id, timestamp: timestampText) {
        case .success(let message):
            return .success(
                SignedMessage(
                    prefix: "", body: message, header: header, candidates: [value.dropFirst(prefix.count)],
                    encoding: encoding, lead: prefix, signedTimestamp: signedTimestamp))
        case .failure(let missing):
            return .failure(.missingValue(missing.name))
        }
    }

    func signedBytes(body: [UInt8], url: String, method: String, id: String?, timestamp: String?)
        -> Result<[UInt8], SignedTemplate.MissingPlaceholder>
    {
        signed.render(body: body, url: url, method: method, id: id, timestamp: timestamp)
    }

    /// `prefix` followed by `code` in `encoding`, written into one new string (the sender signs every delivery).
    private static func headerValue(prefix: String, code: UnsafeBufferPointer<UInt8>, _ encoding: Encoding) -> String {
        encoding.withEncodedBytes(of: code) { encoded in
            String(unsafeUninitializedCapacity: prefix.utf8.count + encoded.count) { text in
                let written = text.initialize(fromContentsOf: prefix.utf8)
                return written
                    + UnsafeMutableBufferPointer(rebasing: text[written...]).initialize(fromContentsOf: encoded)
            }
        }
    }

}

extension HMACScheme.Encoding {
    /// Calls `body` with `code` written in this encoding, as ASCII bytes in temporary storage: for
    /// building a header value or comparing with one a delivery offers, without an intermediate string.
    func withEncodedBytes<Result>(
        of code: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        switch self {
        case .hex: Hex.withEncodedBytes(of: code, body)
        case .base64: Base64.withEncodedBytes(of: code, body)
        }
    }
}
