/// A deliberate mistake the reference receiver can make, so the harness can prove its probes catch it
/// (`hookcheck serve --flaw NAME`).
public enum ReceiverFlaw: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// Skips authentication: any signature or token, or none at all, is accepted.
    case acceptAnySignature = "accept-any-signature"
    /// Verifies the signature but never judges the signed timestamp's age.
    case noTimestampCheck = "no-timestamp-check"
    /// Parses the body and verifies over a compact, key-sorted re-serialisation instead of the raw
    /// bytes (the classic bug: any other formatting of the same JSON fails verification).
    case reserializeBeforeVerify = "reserialize-before-verify"
    /// Answers `409 Conflict` to a delivery whose identity it has already seen.
    case rejectReplay = "reject-replay"
    /// Answers `500` to an event type the profile does not list.
    case crashOnUnknownEvent = "crash-on-unknown-event"
    /// Sleeps before answering (``ReferenceReceiver/Configuration/slowDelay``, longer than the
    /// default `within` of 10 seconds).
    case slow

    /// The name used by `--flaw`, e.g. `reject-replay`.
    public var description: String { rawValue }

    /// Every flaw name, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }
}
