/// A signature a delivery offered that did not match, described without its value: what precedes it, how
/// long it is, and why it cannot be the expected one. Nothing of the expected signature is kept, since any
/// part of it is part of a valid MAC for that very message.
public struct FoundSignature: Sendable, Hashable, CustomStringConvertible {
    /// Why an offered signature is not the expected one.
    public enum Mismatch: Sendable, Hashable {
        /// Nothing follows the lead.
        case empty
        /// The value is not text in the scheme's encoding (`hex`, `base64`).
        case notEncoded(String)
        /// The value decodes, to a number of bytes the scheme's MAC never has.
        case wrongLength(found: Int, expected: Int)
        /// The value is the expected MAC, written in upper-case hex where the scheme writes lower case.
        case upperCaseHex
        /// A well-formed MAC of the right length with another value: made with another secret or over
        /// other bytes.
        case differentValue(byteCount: Int)
    }

    /// What precedes the value in the header: `v1,`, `v1=`, `sha256=`.
    public var lead: String
    /// The number of characters of the value.
    public var length: Int
    /// Why it does not match.
    public var mismatch: Mismatch

    /// Creates a description.
    public init(lead: String, length: Int, mismatch: Mismatch) {
        self.lead = lead
        self.length = length
        self.mismatch = mismatch
    }

    /// Describes `candidate` against `code`, the MAC computed over the signed bytes.
    init(lead: String, candidate: Substring, encoding: HMACScheme.Encoding, code: [UInt8]) {
        let decoded: [UInt8]? =
            switch encoding {
            case .hex: Hex.decode(candidate)
            case .base64: try? Base64.decode(candidate)
            }
        let mismatch: Mismatch
        if let decoded, !candidate.isEmpty {
            if decoded.count != code.count {
                mismatch = .wrongLength(found: decoded.count, expected: code.count)
            } else if encoding == .hex, constantTimeEquals(decoded, code) {
                mismatch = .upperCaseHex
            } else {
                mismatch = .differentValue(byteCount: code.count)
            }
        } else {
            mismatch = candidate.isEmpty ? .empty : .notEncoded(encoding.rawValue)
        }
        self.init(lead: lead, length: candidate.count, mismatch: mismatch)
    }

    public var description: String {
        let why: String
        switch mismatch {
        case .empty: return "\(lead) with no value"
        case .notEncoded(let encoding): why = "not valid \(encoding)"
        case .wrongLength(let found, let expected):
            why = "decodes to \(found) bytes, but the scheme's MAC has \(expected)"
        case .upperCaseHex: why = "the right MAC in upper-case hex, where the scheme writes lower case"
        case .differentValue(let count):
            why = "a well-formed \(count)-byte MAC of another value: made with another secret, or over other bytes"
        }
        return "\(lead)[redacted] (\(length) characters), \(why)"
    }
}
