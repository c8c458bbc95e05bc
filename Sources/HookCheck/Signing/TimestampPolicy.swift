/// How far a signed timestamp may be from the verifier's clock.
public struct TimestampPolicy: Sendable, Hashable {
    /// What to do with a timestamp ahead of the clock.
    public enum FuturePolicy: String, Sendable, Hashable {
        /// Reject a timestamp more than `tolerance` seconds ahead (Standard Webhooks, Svix, OpenAI).
        case reject
        /// Accept any future timestamp (stripe-python, Slack's Bolt-JS).
        case tolerate
    }

    /// The largest accepted distance in seconds; `0` disables the check entirely.
    public var tolerance: Int
    /// Whether timestamps ahead of the clock are bounded by `tolerance` too.
    public var future: FuturePolicy

    /// Creates a policy.
    public init(tolerance: Int = 300, future: FuturePolicy = .reject) {
        self.tolerance = tolerance
        self.future = future
    }

    /// The reference libraries' default: 300 seconds both ways.
    public static let standard = TimestampPolicy()

    /// Judges a signed timestamp (whole seconds since 1970) carried by `header` at time `now`.
    /// - Returns: `nil` when acceptable, else the failure to report.
    public func check(_ timestamp: Int, now: Int, header: String) -> SignatureFailure? {
        guard tolerance > 0 else { return nil }
        let (age, overflow) = now.subtractingReportingOverflow(timestamp)
        if overflow {
            return timestamp > now
                ? (future == .reject ? .futureTimestamp(header: header, ahead: Int.max, tolerance: tolerance) : nil)
                : .staleTimestamp(header: header, age: Int.max, tolerance: tolerance)
        }
        if age > tolerance {
            return .staleTimestamp(header: header, age: age, tolerance: tolerance)
        }
        if -age > tolerance, future == .reject {
            return .futureTimestamp(header: header, ahead: -age, tolerance: tolerance)
        }
        return nil
    }
}
