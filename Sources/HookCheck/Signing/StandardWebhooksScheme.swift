import HookHTTP

/// Standard Webhooks v1 (and Svix, with the `svix-` prefix): `{prefix}id`, `{prefix}timestamp` and
/// `{prefix}signature: v1,<base64 HMAC-SHA256>` over `id.timestamp.body`, keyed by the base64 after
/// `whsec_`. Verification accepts the header when any space-separated `v1` entry matches; other
/// versions (`v1a`, `v2`) are skipped, as the reference libraries do.
public struct StandardWebhooksScheme: Sendable, Hashable {
    /// `webhook-` (Standard Webhooks, OpenAI) or `svix-` (Svix, Resend, Clerk).
    public var headerPrefix: String {
        didSet { (idHeader, timestampHeader, signatureHeader) = Self.headerNames(prefix: headerPrefix) }
    }
    /// Seconds a timestamp may be away from the clock; `0` disables the check.
    public var tolerance: Int
    /// Whether future timestamps are bounded too (the reference libraries reject both ways).
    public var future: TimestampPolicy.FuturePolicy

    /// Creates the scheme; the defaults are the reference libraries'.
    public init(headerPrefix: String = "webhook-", tolerance: Int = 300, future: TimestampPolicy.FuturePolicy = .reject)
    {
        self.headerPrefix = headerPrefix
        (idHeader, timestampHeader, signatureHeader) = Self.headerNames(prefix: headerPrefix)
        self.tolerance = tolerance
        self.future = future
    }

    /// The id header, e.g. `webhook-id`.
    public private(set) var idHeader: String
    /// The timestamp header, e.g. `webhook-timestamp`.
    public private(set) var timestampHeader: String
    /// The signature header, e.g. `webhook-signature`.
    public private(set) var signatureHeader: String

    private static func headerNames(prefix: String) -> (String, String, String) {
        (prefix + "id", prefix + "timestamp", prefix + "signature")
    }

    func sign(_ context: SigningContext, keys: [SigningKey]) throws(SignatureError) -> [HTTPField] {
        guard let id = context.id else { throw .missingValue("id") }
        guard let timestamp = context.timestamp else { throw .missingValue("timestamp") }
        let message = Self.signedBytes(id: id, timestamp: timestamp, body: context.body)
        var signatures: [String] = []
        for key in keys {
            signatures.append("v1," + Base64.encode(try key.authenticationCode(of: message, .sha256)))
        }
        return [
            HTTPField(name: idHeader, value: id),
            HTTPField(name: timestampHeader, value: timestamp),
            HTTPField(name: signatureHeader, value: signatures.joined(separator: " ")),
        ]
    }

    /// Reads what a delivery signs and offers: `id.timestamp.` and the body, and the `v1` entries
    /// of the space-separated signature header.
    func signedMessage(headers: HTTPHeaders, body: [UInt8]) -> Result<SignedMessage, SignatureFailure> {
        guard let id = headers[idHeader] else { return .failure(.missingHeader(idHeader)) }
        guard let timestampText = headers[timestampHeader] else { return .failure(.missingHeader(timestampHeader)) }
        guard let header = headers[signatureHeader] else { return .failure(.missingHeader(signatureHeader)) }
        guard let timestamp = parseUnixTimestamp(timestampText) else {
            return .failure(.malformedHeader(timestampHeader, reason: notATimestamp(timestampText)))
        }
        // Space-separated `version,signature` entries; only `v1` ones are candidates.
        var entries = 0
        var candidates: [Substring] = []
        let utf8 = header.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            guard utf8[index] != UInt8(ascii: " ") else {
                utf8.formIndex(after: &index)
                continue
            }
            let start = index
            while index < utf8.endIndex, utf8[index] != UInt8(ascii: " ") { utf8.formIndex(after: &index) }
            entries += 1
            if utf8[start..<index].starts(with: "v1,".utf8) {
                candidates.append(header[utf8.index(start, offsetBy: 3)..<index])
            }
        }
        guard !candidates.isEmpty else {
            let reason = entries == 0 ? "no signatures" : "no \"v1,\" entry among \(entries) space-separated entries"
            return .failure(.malformedHeader(signatureHeader, reason: reason))
        }
        return .success(
            SignedMessage(
                prefix: Self.prefix(id: id, timestamp: timestampText), body: body, header: signatureHeader,
                candidates: candidates,
                encoding: .base64, lead: "v1,", signedTimestamp: (timestamp, timestampHeader)))
    }

    /// `id.timestamp.`, built in one allocation.
    private static func prefix(id: String, timestamp: String) -> String {
        var prefix = ""
        prefix.reserveCapacity(id.utf8.count + timestamp.utf8.count + 2)
        prefix += id
        prefix += "."
        prefix += timestamp
        prefix += "."
        return prefix
    }

    /// `id.timestamp.body`, byte for byte.
    static func signedBytes(id: String, timestamp: String, body: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(id.utf8.count + timestamp.utf8.count + body.count + 2)
        bytes += id.utf8
        bytes.append(UInt8(ascii: "."))
        bytes += timestamp.utf8
        bytes.append(UInt8(ascii: "."))
        bytes += body
        return bytes
    }
}
