/// What a provider must do while the respond plan keeps failing its deliveries
/// (`"retries": {"expect": true, "min": 1, "max": 600, "attempts": 3}`).
public struct RetryExpectation: Sendable, Hashable {
    /// Whether the provider retries at all (`false` for providers that do not, e.g. GitHub).
    public var isExpected: Bool
    /// The least number of seconds between two attempts, if bounded.
    public var minInterval: Double?
    /// The most seconds between two attempts, if bounded.
    public var maxInterval: Double?
    /// The least number of deliveries, first try included, a sender must make while the plan keeps failing.
    public var attempts: Int?

    /// Creates a retry expectation.
    public init(isExpected: Bool = true, minInterval: Double? = nil, maxInterval: Double? = nil, attempts: Int? = nil) {
        self.isExpected = isExpected
        self.minInterval = minInterval
        self.maxInterval = maxInterval
        self.attempts = attempts
    }

    /// The provider does not retry.
    public static let none = RetryExpectation(isExpected: false)

    /// What `check` expects when neither the suite nor its profile says how the provider retries: at-least-once
    /// delivery, so a delivery answered with a failure is retried at least once (two attempts), at any interval.
    public static let atLeastOnce = RetryExpectation(isExpected: true)

    /// The least number of attempts, first try included, a sender must make while the answers keep failing
    /// (`attempts`, default 2).
    public var requiredAttempts: Int { max(attempts ?? 2, 1) }
}
