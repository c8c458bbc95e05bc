/// One generated variation of a delivery, as named in a suite's `probes` list.
public enum ProbeKind: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// The case, correctly signed: accept.
    case valid
    /// Signed with a wrong secret: reject.
    case badSignature = "bad-signature"
    /// The authentication header(s) removed: reject.
    case missingSignature = "missing-signature"
    /// One value changed after signing: reject.
    case tamperedBody = "tampered-body"
    /// Correctly signed, timestamp ten minutes old (timestamped schemes only): reject.
    case staleTimestamp = "stale-timestamp"
    /// Correctly signed, timestamp ten minutes ahead: reject, unless the profile tolerates it.
    case futureTimestamp = "future-timestamp"
    /// The same envelope with other whitespace, key order and `\u` escapes, signed over those bytes: accept.
    case reformattedJSON = "reformatted-json"
    /// Correctly signed, with an event type the receiver cannot know: accept.
    case unknownEvent = "unknown-event"
    /// The same delivery (same id) twice: both accepted.
    case replay
    /// Signed bytes that are not JSON: reject with a 4xx, never a 5xx.
    case malformedJSON = "malformed-json"
    /// Bytes that are not JSON, without the signature or token: reject with a 4xx, never a 5xx (catches
    /// receivers that parse before they verify, which anyone can crash).
    case unsignedMalformedJSON = "malformed-json-unsigned"
    /// Token schemes: the token header carries a wrong token: reject.
    case wrongToken = "wrong-token"
    /// Token schemes: the token header removed: reject.
    case missingToken = "missing-token"

    /// The name used in suites and result names, e.g. `bad-signature`.
    public var description: String { rawValue }

    /// Whether the probe's delivery must be accepted (2xx) rather than rejected.
    public var expectsAcceptance: Bool {
        switch self {
        case .valid, .reformattedJSON, .unknownEvent, .replay: true
        case .badSignature, .missingSignature, .tamperedBody, .staleTimestamp, .futureTimestamp, .malformedJSON,
            .unsignedMalformedJSON, .wrongToken, .missingToken:
            false
        }
    }

    /// Whether the probe sends the case's own event, correctly signed and expected to be accepted, so that the
    /// case's response rule (``DeliveryExpectation/response``) applies to its answers.
    public var answersTheCaseEvent: Bool {
        switch self {
        case .valid, .reformattedJSON, .replay: true
        default: false
        }
    }
}
