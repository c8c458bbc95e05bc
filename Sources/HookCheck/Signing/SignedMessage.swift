/// What a scheme signs for one delivery, and what it takes to judge the delivery once the HMAC of
/// those bytes is known: the three HMAC schemes read their headers into one of these, and share
/// the judging. Splitting the two lets `check` compute the HMACs of several deliveries together.
struct SignedMessage: Sendable {
    /// The signed bytes are `prefix` (UTF-8) followed by `body`.
    var prefix: String
    var body: [UInt8]
    /// The header that carries the signature, for messages.
    var header: String
    /// The encoded signatures the delivery offers, without their version tags.
    var candidates: [Substring]
    /// How the code is written in the header.
    var encoding: HMACScheme.Encoding
    /// What precedes an encoded signature in the header (`v1,`, `v1=`, `sha256=`), for messages.
    var lead: String
    /// The signed timestamp and its header, judged for freshness once the signature matches.
    var signedTimestamp: (value: Int, header: String)?

    /// The number of signed bytes.
    var byteCount: Int { prefix.utf8.count + body.count }

    /// The signed bytes in one array.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        bytes += prefix.utf8
        bytes += body
        return bytes
    }

    /// The verdict, given `code`, the HMAC of the signed bytes under the secret: valid when a
    /// candidate equals it (compared in constant time) and the signed timestamp is fresh.
    func judge(code: [UInt8], now: Int, policy: TimestampPolicy) -> SignatureVerification {
        let matched = code.withUnsafeBufferPointer { code in
            encoding.withEncodedBytes(of: code) { expected in
                candidates.contains { constantTimeEquals($0.utf8, expected) }
            }
        }
        guard matched else {
            return .invalid(
                .noSignatureMatched(
                    header: header, candidates: candidates.count, signedByteCount: byteCount,
                    found: candidates.prefix(3).map {
                        FoundSignature(lead: lead, candidate: $0, encoding: encoding, code: code)
                    }))
        }
        if let signedTimestamp,
            let failure = policy.check(signedTimestamp.value, now: now, header: signedTimestamp.header)
        {
            return .invalid(failure)
        }
        return .valid
    }
}
