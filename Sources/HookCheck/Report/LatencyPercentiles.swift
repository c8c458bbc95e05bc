/// The p50/p95/p99 latencies of a set of samples (nearest-rank method).
public struct LatencyPercentiles: Sendable, Hashable {
    /// How many samples the figures summarise.
    public var count: Int
    /// The median.
    public var p50: Duration
    /// The 95th percentile.
    public var p95: Duration
    /// The 99th percentile.
    public var p99: Duration

    /// Summarises `samples`; `nil` when there are none.
    public init?(_ samples: [Duration]) {
        guard !samples.isEmpty else { return nil }
        // Sorted as whole nanoseconds (what the clock measures): a sort of plain integers, several
        // times faster than comparing `Duration`s, which matters at hundreds of thousands of samples.
        let sorted = samples.map(Self.nanoseconds).sorted()
        func rank(_ percent: Int) -> Duration {
            // Nearest rank: the smallest sample with at least `percent`% of samples at or below it.
            let index = (percent * sorted.count + 99) / 100 - 1
            return .nanoseconds(sorted[min(max(index, 0), sorted.count - 1)])
        }
        count = sorted.count
        p50 = rank(50)
        p95 = rank(95)
        p99 = rank(99)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
