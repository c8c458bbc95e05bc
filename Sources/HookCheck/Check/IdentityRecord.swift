/// What a ``SuiteChecker`` remembers of one event (one delivery identity) across its attempts: a
/// few words, never the delivery itself, so memory per event stays small.
struct IdentityRecord: Sendable {
    /// The low 32 bits of the content digest of the first attempt (``ContentDigest/of(profile:body:envelope:)``),
    /// enough to tell a different event that reuses the id.
    var content: UInt32
    /// When the latest delivery was received (seconds since 1970).
    var lastReceivedAt: Double
    /// The seq of the latest delivery.
    var lastSeq: Int32
    /// The number of deliveries seen.
    var attempts: Int32
    /// The case slot (a case index, or the unmatched slot).
    var slot: Int32
    /// The status the latest delivery was answered with (0: not recorded).
    var lastStatus: Int16
    /// Whether some attempt was answered with a status that asks for a retry.
    var hadFailure: Bool
    /// Whether the retry behaviour was already judged (an interval out of bounds).
    var isRetryJudged: Bool

    /// Whether the latest answer asks the sender to try again.
    var isAwaitingRetry: Bool { Self.asksForRetry(Int(lastStatus)) }

    /// Whether `status` asks the sender to try again: recorded, not 2xx, and not `410 Gone` (which
    /// tells a sender to stop).
    static func asksForRetry(_ status: Int) -> Bool {
        status != 0 && !(200...299).contains(status) && status != 410
    }
}
