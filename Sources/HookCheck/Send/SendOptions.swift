/// How a send run is paced and narrowed: `--concurrency`, `--repeat`, `--timeout`, `--only`, `--shard`.
public struct SendOptions: Sendable, Hashable {
    /// The most deliveries in flight at once (at least 1).
    public var concurrency: Int
    /// How many times each valid delivery is sent, for a latency profile (at least 1).
    public var repeatCount: Int
    /// The longest wait for each response, connecting included; `nil` waits the case's `within` plus
    /// ``defaultTimeoutMargin``, so that a slow answer is judged (failed) rather than cut off (an error).
    public var timeout: Duration?
    /// Only results whose name (`<case> · <probe>`) matches run, when set.
    public var only: GlobPattern?
    /// The share of the cases this run takes.
    public var shard: Shard

    /// How much longer than `within` a response is waited for when no timeout is set.
    public static let defaultTimeoutMargin: Duration = .seconds(5)

    /// Creates options; the defaults send one delivery at a time, once, waiting `within` + 5 s.
    public init(
        concurrency: Int = 1, repeatCount: Int = 1, timeout: Duration? = nil, only: GlobPattern? = nil,
        shard: Shard = .all
    ) {
        self.concurrency = max(1, concurrency)
        self.repeatCount = max(1, repeatCount)
        self.timeout = timeout
        self.only = only
        self.shard = shard
    }
}
