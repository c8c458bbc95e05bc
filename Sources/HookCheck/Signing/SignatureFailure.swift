/// Why a delivery's signature did not verify. Descriptions name the header and what failed; they
/// never contain the secret, nor any part of the expected signature or token.
/// An enum, not a struct with a code: a closed set of verdict reasons, compared and stored as data.
public enum SignatureFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// A header the scheme needs is absent.
    case missingHeader(String)
    /// A header is present but cannot be parsed.
    case malformedHeader(String, reason: String)
    /// The signed timestamp is older than the tolerance allows.
    case staleTimestamp(header: String, age: Int, tolerance: Int)
    /// The signed timestamp is further ahead of the clock than the tolerance allows.
    case futureTimestamp(header: String, ahead: Int, tolerance: Int)
    /// None of the candidate signatures equals the one computed over the signed bytes. `found` describes
    /// the first few candidates, redacted, each with the reason it cannot be the expected one.
    case noSignatureMatched(header: String, candidates: Int, signedByteCount: Int, found: [FoundSignature])
    /// A token header does not carry the shared secret.
    case tokenMismatch(header: String)
    /// A value the signed bytes need (`{id}`, `{timestamp}`) is not available.
    case missingValue(String)
    /// The secret cannot be used as a key (empty, or not the encoding the scheme expects).
    case invalidSecret(reason: String)

    public var description: String {
        switch self {
        case .missingHeader(let name):
            return "missing header \(name)"
        case .malformedHeader(let name, let reason):
            return "malformed header \(name): \(reason)"
        case .staleTimestamp(let header, let age, let tolerance):
            return "stale timestamp in \(header): \(age) s old, tolerance \(tolerance) s"
        case .futureTimestamp(let header, let ahead, let tolerance):
            return "future timestamp in \(header): \(ahead) s ahead, tolerance \(tolerance) s"
        case .noSignatureMatched(let header, let candidates, let signedByteCount, let found):
            let plural = candidates == 1 ? "signature" : "signatures"
            var text =
                "no signature in \(header) matched: \(candidates) \(plural) checked over \(signedByteCount) signed bytes"
            if !found.isEmpty { text += "; found " + found.map(\.description).joined(separator: "; ") }
            if candidates > found.count, !found.isEmpty { text += "; and \(candidates - found.count) more" }
            return text
        case .tokenMismatch(let header):
            return "\(header) does not carry the expected token"
        case .missingValue(let name):
            return "the signed bytes need \(name), but the delivery has none"
        case .invalidSecret(let reason):
            return "invalid secret: \(reason)"
        }
    }
}

/// The outcome of verifying a delivery's signature.
public enum SignatureVerification: Sendable, Hashable, CustomStringConvertible {
    /// The signature (or token) is right, and any signed timestamp within the policy.
    case valid
    /// The delivery fails verification, for the given reason.
    case invalid(SignatureFailure)

    /// Whether verification passed.
    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }

    /// The failure, when invalid.
    public var failure: SignatureFailure? {
        if case .invalid(let failure) = self { return failure }
        return nil
    }

    public var description: String {
        switch self {
        case .valid: "valid"
        case .invalid(let failure): "invalid: \(failure)"
        }
    }
}
