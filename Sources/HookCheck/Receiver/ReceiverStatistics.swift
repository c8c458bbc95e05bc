/// What one route of the reference receiver did with the deliveries it received.
public struct ReceiverStatistics: Sendable, Hashable, CustomStringConvertible {
    /// Deliveries of known event types processed (each identity at most once).
    public var processed: Int
    /// Deliveries of event types the profile does not list: acknowledged, not processed.
    public var ignored: Int
    /// Deliveries whose identity was already seen: acknowledged (or refused by the `reject-replay`
    /// flaw), not processed again.
    public var duplicates: Int
    /// Deliveries refused: failed authentication, malformed JSON, a body outside the envelope.
    public var rejected: Int

    /// Creates statistics; every count defaults to zero.
    public init(processed: Int = 0, ignored: Int = 0, duplicates: Int = 0, rejected: Int = 0) {
        self.processed = processed
        self.ignored = ignored
        self.duplicates = duplicates
        self.rejected = rejected
    }

    /// Every delivery counted.
    public var total: Int { processed + ignored + duplicates + rejected }

    /// `3 processed, 1 ignored, 1 duplicate, 4 rejected`.
    public var description: String {
        "\(processed) processed, \(ignored) ignored, \(duplicates) duplicate\(duplicates == 1 ? "" : "s"), "
            + "\(rejected) rejected"
    }
}
