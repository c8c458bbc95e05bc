import HookHTTP

/// Standard Webhooks v1 (and Svix, with the `svix-` prefix): `{prefix}id`, `{prefix}timestamp` and
/// `{prefix}signature: v1,<base64 HMAC-SHA256>` over `id.timestamp.body`, keyed by the base64 after
/// `whsec_`. Verification accepts the header when any space-separated `v1` entry matches; other
/// versions (`v1a`, `v2`) are skipped, as the reference libraries do.
public struct StandardWebhooksScheme: Sendable, Hashable {
    /// `webhook-` (Standard Webhooks, OpenAI) or `svix-` (Svix, Resend, Clerk).
    public var headerPrefix: String
    /// Seconds a timestamp may be away from the clock; `0` disables the check.
    public var tolerance: Int
    /// Whether future timestamps are bounded too (the reference libraries reject both ways).
    public var future: TimestampPolicy.FuturePolicy

    /// Creates the scheme; the defaults are the reference libraries'.
    public init(headerPrefix: String = "webhook-", tolerance: Int = 300, future: TimestampPolicy.FuturePolicy = .reject)
    {
        self.headerPrefix = headerPrefix
        self.tolerance = tolerance
        self.future = future
    }

    /// The id header, e.g. `webhook-id`.
    public var idHeader: String { headerPrefix + "id" }
    /// The timestamp header, e.g. `webhook-timestamp`.
    public var timestampHeader: String { headerPrefix + "timestamp" }
    /// The signature header, e.g. `webhook-signature`.
    public var signatureHeader: String { headerPrefix + "signature" }

    func sign(_ context: SigningContext, secrets: [String]) throws(SignatureError) -> [HTTPField] {
        guard let id = context.id else { throw .missingValue("id") }
        guard let timestamp = context.timestamp else { throw .missingValue("timestamp") }
        let message = Self.signedBytes(id: id, timestamp: timestamp, body: context.body)
        var signatures: [String] = []
        for secret in secrets {
            let key = try KeyEncoding.whsec.key(from: secret)
            signatures.append("v1," + Base64.encode(HMAC<SHA256>.authenticationCode(for: message, key: key)))
        }
        return [
            HTTPField(name: idHeader, value: id),
            HTTPField(name: timestampHeader, value: timestamp),
            HTTPField(name: signatureHeader, value: signatures.joined(separator: " ")),
        ]
    }

    func verify(headers: HTTPHeaders, body: [UInt8], secret: String, now: Int, policy: TimestampPolicy)
        -> SignatureVerification
    {
        guard let id = headers[idHeader] else { return .invalid(.missingHeader(idHeader)) }
        guard let timestampText = headers[timestampHeader] else { return .invalid(.missingHeader(timestampHeader)) }
        guard let header = headers[signatureHeader] else { return .invalid(.missingHeader(signatureHeader)) }
        guard let timestamp = parseUnixTimestamp(timestampText) else {
            return .invalid(.malformedHeader(timestampHeader, reason: notATimestamp(timestampText)))
        }
        let entries = header.split(separator: " ", omittingEmptySubsequences: true)
        let candidates = entries.compactMap { entry -> Substring? in
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == "v1" else { return nil }
            return entry[entry.index(after: comma)...]
        }
        guard !candidates.isEmpty else {
            let reason =
                entries.isEmpty
                ? "no signatures" : "no \"v1,\" entry among \(entries.count) space-separated entries"
            return .invalid(.malformedHeader(signatureHeader, reason: reason))
        }
        let key: [UInt8]
        do {
            key = try KeyEncoding.whsec.key(from: secret)
        } catch {
            return .invalid(.invalidSecret(reason: error.reason))
        }
        let message = Self.signedBytes(id: id, timestamp: timestampText, body: body)
        let expected = Base64.encode(HMAC<SHA256>.authenticationCode(for: message, key: key))
        guard candidates.contains(where: { constantTimeEquals($0.utf8, expected.utf8) }) else {
            return .invalid(
                .noSignatureMatched(
                    header: signatureHeader, candidates: candidates.count, signedByteCount: message.count,
                    expectedPrefix: "v1," + expected.prefix(5)))
        }
        if let failure = policy.check(timestamp, now: now, header: timestampHeader) {
            return .invalid(failure)
        }
        return .valid
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
